package com.makeitright.worker.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookPropertiesTest {

    static final WebhookProperties.Delivery DELIVERY = new WebhookProperties.Delivery(5, Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10));

    static WebhookProperties.Subscription subscription(String name, String... events) {
        return new WebhookProperties.Subscription(name, "https://crm.example/hook", "s".repeat(32), Set.of(events),
                WebhookProperties.Start.LATEST);
    }

    @Test
    void anUnknownEventIsRefusedNamingTheChoices() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookProperties(
                        List.of(subscription("crm", "RemedyOffered", "ComplaintReceived")), DELIVERY))
                .withMessageContaining("'crm': unknown event 'ComplaintReceived'")
                .withMessageContaining("[ComplaintAcknowledged, RemedyOffered, ComplaintResolved, FollowUpDue]");
    }

    @Test
    void aNameUsedTwiceIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookProperties(
                        List.of(subscription("crm", "RemedyOffered"), subscription("crm", "FollowUpDue")), DELIVERY))
                .withMessageContaining("the name 'crm' is used twice");
    }
}
