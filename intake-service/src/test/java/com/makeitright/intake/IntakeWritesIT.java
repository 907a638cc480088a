package com.makeitright.intake;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.intake.status.UnappliedWrites;
import com.makeitright.intake.status.ViewCatchUp;
import com.makeitright.intake.testing.Markers;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * On a real broker, with intake's own view stream paused: a complaint is answered 202 once the broker has it, a
 * GET right after it shows the complaint, and a retry with its key is replayed without a second event — all before
 * the view folded anything. Once the stream resumes, the overlay of unapplied writes empties.
 */
@WithKafkaBroker
@AutoConfigureWebTestClient(timeout = "PT1M") // not 5 s: a loaded machine answers slowly, and an await retries assertions, not timeouts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "makeitright.kafka.topics.partitions=" + IntakeWritesIT.PARTITIONS,
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/intake-writes-${random.uuid}",
        "makeitright.intake.transactional-id=intake-writes-test-${random.uuid}"
})
class IntakeWritesIT {

    static final int PARTITIONS = 3;
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient http;

    @Autowired
    StreamsBuilderFactoryBean streams;

    @Autowired
    UnappliedWrites unapplied;

    @Autowired
    ViewCatchUp catchUp;

    KafkaProbe probe;

    @BeforeEach
    void viewReadyThenPaused(KafkaProbe probe) {
        this.probe = probe;
        // a 404 is an answer of the ready view; a slow first answer (the client gives up after 5 s) is asked again
        await().atMost(KafkaProbe.PATIENCE).ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> http.get().uri("/api/complaints/{id}", UUID.randomUUID())
                .exchange().returnResult(String.class).getStatus().value() == 404);
        streams.getKafkaStreams().pause();
    }

    @AfterEach
    void resume() {
        streams.getKafkaStreams().resume();
    }

    @Test
    void answersShowsAndReplaysBeforeTheViewFoldedTheComplaint() {
        String key = "paused-view-" + UUID.randomUUID();
        ComplaintRequest request = ComplaintRequest.aComplaint();

        String id = (String) post(request, key).expectStatus().isAccepted()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(JSON_MAP).returnResult().getResponseBody().get("complaintId");
        assertThat(unapplied.events(id)).as("the view has not folded it: the answer did not wait for it").hasSize(1);

        http.get().uri("/api/complaints/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("RECEIVED").jsonPath("$.complaintId").isEqualTo(id);
        post(request, key).expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.complaintId").isEqualTo(id);

        ComplaintReceived published = probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, id, 1).get(0);
        assertThat(published.getEventId()).as("name-based on the key").isEqualTo(UUID.nameUUIDFromBytes(
                ("make-it-right/idempotency-key/event/" + key).getBytes(StandardCharsets.UTF_8)).toString());
        String marker = Markers.samePartitionKey(id, PARTITIONS);
        probe.publish(Topics.COMPLAINTS_RECEIVED, marker, Events.received(marker).build());
        probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, marker, 1);
        assertThat(probe.eventsFor(Topics.COMPLAINTS_RECEIVED, id)).hasSize(1);

        streams.getKafkaStreams().resume();
        await().atMost(KafkaProbe.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> unapplied.events(id).isEmpty());
        http.get().uri("/api/complaints/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("RECEIVED");
    }

    /**
     * The wait a retry after an unknown outcome makes ({@code InDoubtRetryTest}): on the real broker it does not
     * end while the view has not folded the partition, and once it ends the complaint is in the store (the overlay
     * let go of it).
     */
    @Test
    void theCatchUpWaitEndsOnlyOnceTheViewFoldedThePartition() {
        String id = (String) post(ComplaintRequest.aComplaint(), "catch-up-" + UUID.randomUUID())
                .expectStatus().isAccepted().expectBody(JSON_MAP).returnResult().getResponseBody().get("complaintId");
        Mono<Void> caughtUp = catchUp.caughtUpWith(Topics.COMPLAINTS_RECEIVED, id).cache();

        assertThatThrownBy(() -> caughtUp.block(Duration.ofSeconds(2)))
                .as("the view is paused: the wait must not end").isInstanceOf(IllegalStateException.class);
        assertThat(unapplied.events(id)).hasSize(1);

        streams.getKafkaStreams().resume();
        caughtUp.block(KafkaProbe.PATIENCE);
        // the view's group committed past it: the overlay lets it go at its next look at the committed offsets
        await().atMost(KafkaProbe.PATIENCE).until(() -> unapplied.events(id).isEmpty());
    }

    private WebTestClient.ResponseSpec post(ComplaintRequest request, String key) {
        return http.post().uri("/api/complaints").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange();
    }
}
