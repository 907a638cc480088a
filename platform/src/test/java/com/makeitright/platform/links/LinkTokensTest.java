package com.makeitright.platform.links;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkTokensTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef-test-key";
    private final LinkTokens tokens = LinkTokens.fromSecret(KEY);
    private final Instant now = Instant.parse("2026-12-06T00:00:00Z");
    private final LinkTokens.Claim claim = new LinkTokens.Claim("c-1", "offer-1", "ACCEPT", now.plusSeconds(60));

    @Test
    void aTokenWeIssuedReadsBackItsClaim() {
        assertThat(tokens.verify(tokens.issue(claim), now)).isEqualTo(claim);
    }

    @Test
    void aTokenIsExpiredFromItsExpiryOn() {
        String token = tokens.issue(claim);
        assertThatThrownBy(() -> tokens.verify(token, claim.expiresAt()))
                .isInstanceOfSatisfying(LinkTokens.InvalidToken.class,
                        e -> assertThat(e.problem()).isEqualTo(LinkTokens.Problem.EXPIRED));
    }

    @Test
    void aChangedActionOrAnotherKeyIsForged() {
        String token = tokens.issue(claim);
        String declineToken = tokens.issue(new LinkTokens.Claim("c-1", "offer-1", "DECLINE", claim.expiresAt()));
        // the accept payload with the decline signature: the signature binds the action
        String swapped = token.substring(0, token.indexOf('.')) + declineToken.substring(declineToken.indexOf('.'));
        assertThatThrownBy(() -> tokens.verify(swapped, now)).isInstanceOfSatisfying(LinkTokens.InvalidToken.class,
                e -> assertThat(e.problem()).isEqualTo(LinkTokens.Problem.FORGED));
        LinkTokens other = LinkTokens.fromSecret(KEY + "-other");
        assertThatThrownBy(() -> other.verify(token, now)).isInstanceOfSatisfying(LinkTokens.InvalidToken.class,
                e -> assertThat(e.problem()).isEqualTo(LinkTokens.Problem.FORGED));
    }

    @Test
    void garbageIsMalformedOrForgedNeverAnError() {
        for (String garbage : new String[]{"", ".", "abc", "a.b", "!!!.???", "x".repeat(600), null}) {
            assertThatThrownBy(() -> tokens.verify(garbage, now)).isInstanceOf(LinkTokens.InvalidToken.class);
        }
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> LinkTokens.fromSecret("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
