package com.makeitright.intake.status;

import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a real broker, with the view's exactly-once commits 15 minutes apart: the view's store shows a write as soon as
 * its stream folded it, but until the transaction commits an abort (a rebalance, a broker lost) would take that fold
 * back, and a retry that found nothing then would publish a copy. So the overlay of unapplied writes keeps the
 * event, with the offset the broker gave it, until the view's consumer group has committed past it: here, not
 * before the test ends.
 */
@WithKafkaBroker
@AutoConfigureWebTestClient(timeout = "PT1M")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "makeitright.kafka.topics.partitions=3",
        // the longest a broker lets a transaction stay open by default (transaction.max.timeout.ms)
        "makeitright.kafka.streams.commit-interval=15m",
        "spring.kafka.streams.properties[producer.transaction.timeout.ms]=900000",
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/uncommitted-fold-${random.uuid}",
        "makeitright.intake.transactional-id=uncommitted-fold-test-${random.uuid}"
})
class UncommittedFoldIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient http;

    @Autowired
    StreamsBuilderFactoryBean streams;

    @Autowired
    UnappliedWrites unapplied;

    @Test
    void aWriteTheViewFoldedButHasNotCommittedStaysInTheOverlay() {
        await().atMost(KafkaProbe.PATIENCE).ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> http.get().uri("/api/complaints/{id}", UUID.randomUUID())
                        .exchange().returnResult(String.class).getStatus().value() == 404);

        String id = (String) http.post().uri("/api/complaints").header("Idempotency-Key", "fold-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ComplaintRequest.aComplaint()).exchange()
                .expectStatus().isAccepted().expectBody(JSON_MAP).returnResult().getResponseBody().get("complaintId");

        await().atMost(KafkaProbe.PATIENCE).ignoreExceptionsInstanceOf(RuntimeException.class)
                .until(() -> store(id).get(ViewKeys.head(id)) != null);
        assertThat(unapplied.events(id)).as("folded, not committed: the overlay still answers for it").hasSize(1);
        // the sweep has had many chances to drop it by now, had it trusted the fold
        await().during(Duration.ofMillis(4 * KafkaViewCatchUp.SWEEP_EVERY_MS)).atMost(Duration.ofSeconds(5))
                .until(() -> unapplied.events(id).size() == 1);
        assertThat(unapplied.awaitingCommit()).isTrue();
    }

    private ReadOnlyKeyValueStore<Bytes, byte[]> store(String complaintId) {
        return streams.getKafkaStreams().store(StoreQueryParameters.fromNameAndType(StatusViewTopology.STORE,
                        QueryableStoreTypes.<Bytes, byte[]>keyValueStore())
                .withPartition(KafkaViewCatchUp.partitionOf(complaintId, 3)));
    }
}
