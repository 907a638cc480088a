package com.makeitright.intake.publishing;

import com.makeitright.contract.Topics;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.testing.Events;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher against a port where no broker listens: a write fails with {@link PublishFailed} (a 503 with a
 * Retry-After that grows with the outage) once the configured publish timeout is spent, never hangs, and a failed
 * reopen transaction neither escapes as anything else nor wedges the next one.
 */
class KafkaEventPublisherTest {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(1);
    /** Generous, for a loaded machine; the producer gives up after PUBLISH_TIMEOUT. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private KafkaEventPublisher publisher;

    @BeforeEach
    void startAgainstADeadPort() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of("127.0.0.1:" + deadPort));
        IntakeProperties properties = new IntakeProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10),
                "intake-dead-port-test", PUBLISH_TIMEOUT,
                new IntakeProperties.Unapplied(10, DataSize.ofMegabytes(1), Duration.ofMinutes(1)), 10,
                new IntakeProperties.View(Duration.ofDays(1), Duration.ofDays(2), 100, Duration.ofMinutes(1)),
                new IntakeProperties.PersonalData(Duration.ofDays(365), Duration.ofHours(1)));
        publisher = new KafkaEventPublisher(kafka, properties, new MockEnvironment(), new SimpleMeterRegistry(),
                ObservationRegistry.NOOP);
        publisher.start();
    }

    @AfterEach
    void stop() {
        publisher.stop();
    }

    @Test
    void aSingleEventFailsWithinThePublishTimeoutAsA503() {
        String id = Events.newId();

        StepVerifier.create(publisher.publish(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).build()))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(PublishFailed.class).hasMessageContaining("did not acknowledge");
                    assertThat(((PublishFailed) error).retryAfter())
                            .isBetween(BrokerOutage.MIN_RETRY_AFTER, BrokerOutage.MAX_RETRY_AFTER);
                    // the send ends too, if it started (the producer's delivery timeout bounds it): a retry waits
                    assertThat(((PublishFailed) error).attempt().handle((result, failure) -> "ended"))
                            .succeedsWithin(PATIENCE).isEqualTo("ended");
                })
                .verify(PATIENCE);
    }

    @Test
    void aPublisherStoppedAndStartedAgainStillTriesToSend() {
        publisher.stop();
        publisher.start();
        String id = Events.newId();

        // before the fix the scheduler stayed disposed: "Scheduler unavailable" instead of trying the broker
        StepVerifier.create(publisher.publish(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).build()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(PublishFailed.class)
                        .hasMessageContaining("did not acknowledge"))
                .verify(PATIENCE);
    }

    @Test
    void theRetryAfterGrowsWithTheOutage() {
        String id = Events.newId();
        List<Duration> retryAfters = new java.util.concurrent.CopyOnWriteArrayList<>();

        // Write after write fails; once the outage has lasted over 2 s, clients are asked to wait longer than 1 s.
        await().atMost(PATIENCE).until(() -> {
            StepVerifier.create(publisher.publish(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).build()))
                    .expectErrorSatisfies(error -> retryAfters.add(((PublishFailed) error).retryAfter()))
                    .verify(PATIENCE);
            return retryAfters.get(retryAfters.size() - 1).compareTo(Duration.ofSeconds(1)) > 0;
        });

        assertThat(retryAfters).isSorted().allSatisfy(after -> assertThat(after)
                .isBetween(BrokerOutage.MIN_RETRY_AFTER, BrokerOutage.MAX_RETRY_AFTER));
    }

    @Test
    void aFailedTransactionIsAPublishFailureEveryTime() {
        String id = Events.newId();
        FollowUpCompleted completed = Events.followUpCompleted(id, false).build();
        List<EventPublisher.Outgoing<?>> reopen = List.of(
                new EventPublisher.Outgoing<>(Topics.FOLLOW_UP_OUTCOMES, id, completed),
                new EventPublisher.Outgoing<>(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).setRound(2).build()));

        for (int attempt = 0; attempt < 2; attempt++) {
            StepVerifier.create(publisher.publishAtomically(reopen))
                    .expectError(PublishFailed.class)
                    .verify(PATIENCE);
        }
    }

    @Test
    void theProducerSettingsAddUpToThePublishTimeout() {
        var config = KafkaEventPublisher.producerConfig(java.util.Map.of(), Duration.ofSeconds(5));

        long maxBlock = ((Number) config.get("max.block.ms")).longValue();
        long delivery = ((Number) config.get("delivery.timeout.ms")).longValue();
        long request = ((Number) config.get("request.timeout.ms")).longValue();
        long linger = ((Number) config.get("linger.ms")).longValue();
        assertThat(maxBlock + delivery).isEqualTo(5_000);
        assertThat(delivery).isGreaterThanOrEqualTo(linger + request);
        assertThat(config).containsEntry("acks", "all").containsEntry("enable.idempotence", true);
    }
}
