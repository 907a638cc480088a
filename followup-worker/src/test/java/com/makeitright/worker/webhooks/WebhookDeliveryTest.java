package com.makeitright.worker.webhooks;

import com.makeitright.worker.outbound.DeliverySettings;
import com.makeitright.worker.outbound.HttpDelivery;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A receiver that cannot be reached: the delivery ends after its bound, having waited as the policy says. */
class WebhookDeliveryTest {

    @Test
    void anUnreachableReceiverEndsAfterTheBoundedAttempts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DeliverySettings settings = new DeliverySettings(4, Duration.ofMillis(100),
                Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(1));
        List<Duration> waits = new ArrayList<>();
        WebhookDelivery delivery = new WebhookDelivery(new HttpDelivery(HttpDelivery.client(settings), settings,
                Clock.systemUTC(), waits::add), Clock.systemUTC());
        WebhookProperties.Subscription subscription = new WebhookProperties.Subscription("crm",
                "http://127.0.0.1:" + closedPort + "/hook", "s".repeat(32), Set.of("RemedyOffered"),
                WebhookProperties.Start.LATEST);

        HttpDelivery.Outcome outcome = delivery.deliver(subscription,
                new WebhookDelivery.Outgoing("crm:e-1", "RemedyOffered", "{}".getBytes()));

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.permanent()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(outcome.reason()).contains("ConnectException").endsWith("after 4 attempts");
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    }
}
