package com.makeitright.cli.mail;

import com.makeitright.platform.links.LinkTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which answer a mail's link gives, read from tokens that platform's {@link LinkTokens} (their one home) issued. */
class AnswerLinkTest {

    private static final LinkTokens TOKENS = LinkTokens.fromSecret("a-test-key-of-at-least-thirty-two-bytes!");
    private static final Instant EXPIRES = Instant.parse("2026-12-24T12:00:00Z");

    private static String link(String complaint, String subject, String action) {
        return "http://localhost:8080/customer/answer?token="
                + TOKENS.issue(new LinkTokens.Claim(complaint, subject, action, EXPIRES));
    }

    @Test
    void anOfferLinkNamesItsComplaintOfferAndDecision() {
        String url = link("c-1", "o-7", "COUNTER");

        AnswerLink read = AnswerLink.of(url).orElseThrow();

        assertThat(read).isEqualTo(new AnswerLink(url, "c-1", "o-7", "COUNTER", EXPIRES));
        assertThat(read.answersOffer("c-1", "o-7", "COUNTER")).isTrue();
        assertThat(read.answersOffer("c-1", "o-7", "ACCEPT")).isFalse();
        assertThat(read.answersOffer("c-1", "o-8", "COUNTER")).isFalse();
        assertThat(read.answersOffer("c-2", "o-7", "COUNTER")).isFalse();
        assertThat(read.score()).isEmpty();
    }

    @Test
    void aSatisfactionLinkNamesItsRoundAndScore() {
        AnswerLink read = AnswerLink.of(link("c-1", LinkTokens.satisfactionSubject(2), LinkTokens.scoreAction(2)))
                .orElseThrow();

        assertThat(read.answersCheck("c-1", 2, 2)).isTrue();
        assertThat(read.answersCheck("c-1", 1, 2)).as("an earlier round's link").isFalse();
        assertThat(read.answersCheck("c-1", 2, 5)).isFalse();
        assertThat(read.score()).hasValue(2);
    }

    @Test
    void otherLinksAndBrokenTokensAreNoAnswerLinks() {
        String good = link("c-1", "o-7", "ACCEPT");
        String token = good.substring(good.indexOf("token=") + 6);
        for (String url : List.of("https://example.com/help", "http://localhost:8080/customer/answer",
                "http://localhost:8080/customer/answer?token=", "http://localhost:8080/customer/answer?token=.sig",
                "http://localhost:8080/customer/answer?token=%%%", "http://localhost:8080/customer/answer?token=!!.x",
                "http://localhost:8080/customer/answer?token=" + java.util.Base64.getUrlEncoder().withoutPadding()
                        .encodeToString("v2|c|o|ACCEPT|1".getBytes()) + ".x",
                "http://localhost:8080/elsewhere?token=" + token, "not a url at all")) {
            assertThat(AnswerLink.of(url)).as(url).isEmpty();
        }
    }

    @Test
    void aMailsAnswerLinksAreItsLinksThatAnswer() {
        String accept = link("c-1", "o-7", "ACCEPT");
        String decline = link("c-1", "o-7", "DECLINE");
        ReceivedMail mail = new ReceivedMail("dana@customers.test", "care@localhost", "What we can do", null, null,
                "c-1", "OFFER", "…", List.of("https://example.com/terms", accept, decline));

        assertThat(mail.answerLinks()).extracting(AnswerLink::action).containsExactly("ACCEPT", "DECLINE");
    }
}
