package com.makeitright.intake.webhooks;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A helpdesk without a secret is not enabled: 404, and no signature is ever checked against an empty secret. */
class WebhookNotEnabledTest {

    private final WebhookController controller = new WebhookController(null, new WebhookProperties(
            new WebhookProperties.Zammad(""),
            new WebhookProperties.Zendesk(null, Duration.ofMinutes(5)),
            new WebhookProperties.Freshdesk(null, null, " ", "X-Webhook-Token"), null), Clock.systemUTC(),
            integration -> {
                throw new AssertionError("a helpdesk that is not enabled is never counted");
            });

    @Test
    void everyUnconfiguredHelpdeskIsNotFound() {
        byte[] body = Samples.bytes(Samples.ZAMMAD);
        assertNotEnabled(() -> controller.zammad(body, "sha1=00", "d").block());
        assertNotEnabled(() -> controller.zendesk(body, "x", "2026-01-01T00:00:00Z", "i").block());
        assertNotEnabled(() -> controller.freshdesk(body, new HttpHeaders()).block());
    }

    @Test
    void aGenericSourceMayNotTakeABuiltInName() {
        assertThatThrownBy(() -> new WebhookProperties(null, null, null, java.util.Map.of("zammad",
                new WebhookProperties.Generic("s", "HmacSHA256", "hex", "X-Sig", "", null, Duration.ofMinutes(5), null,
                        null, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("generic.zammad");
    }

    private static void assertNotEnabled(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookRefused.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }
}
