package com.makeitright.platform;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no broker at the address: DOWN within the timeout, saying where it looked, and the answer kept for the
 * cache period. The UP side, against a real broker, is in {@link StreamsPlatformIT}.
 */
class KafkaBrokerHealthIndicatorTest {

    @Test
    void downWithinTheTimeoutWhenNoBrokerAnswersAndKeptForTheCachePeriod() throws IOException {
        String nowhere = "localhost:" + closedPort();
        KafkaBrokerHealthIndicator indicator = new KafkaBrokerHealthIndicator(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, nowhere), Duration.ofMillis(500),
                Duration.ofMinutes(1));
        try {
            long start = System.nanoTime();
            Health health = indicator.health();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("bootstrapServers", nowhere);
            assertThat(String.valueOf(health.getDetails().get("error"))).startsWith("no broker answered within PT0.5S");
            assertThat(took).as("bounded by the timeout (and the second ask for the cluster id)")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(indicator.health()).as("the same answer within the cache period").isSameAs(health);
        } finally {
            indicator.destroy();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
