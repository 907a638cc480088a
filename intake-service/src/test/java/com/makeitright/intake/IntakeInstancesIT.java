package com.makeitright.intake;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.intake.testing.Markers;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.StreamsInstances;
import com.makeitright.testing.WithKafkaBroker;
import com.makeitright.testing.security.TestCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.web.reactive.function.client.WebClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two intake instances in one group on a real broker, each holding some of the status view's partitions: every
 * complaint reads the same from both (a read of the other's complaint is forwarded to it), and an
 * Idempotency-Key retried on the other instance is recognised there.
 */
@WithKafkaBroker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeInstancesIT {

    private static final int PARTITIONS = 3;
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    void startTwoInstances(EmbeddedKafkaBroker broker) throws IOException {
        int[] ports = {freePort(), freePort()};
        for (int port : ports) {
            instances.add(new SpringApplicationBuilder(IntakeApplication.class).run(
                    "--server.port=" + port,
                    "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                    "--makeitright.kafka.topics.partitions=" + PARTITIONS,
                    "--makeitright.intake.routing.advertised-url=http://localhost:" + port,
                    "--makeitright.intake.routing.peer-key=" + TestCredentials.key("viewer"),
                    "--spring.kafka.streams.state-dir=" + System.getProperty("java.io.tmpdir")
                            + "/make-it-right-tests/intake-instances-" + UUID.randomUUID()));
        }
        StreamsInstances.awaitEachHoldsPartitions(instances);
    }

    @AfterAll
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void everyComplaintReadsTheSameFromEitherInstance() {
        List<String> complaintIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ResponseEntity<Map<String, Object>> accepted = client(instances.get(i % 2), "helpdesk").post()
                    .uri("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(ComplaintRequest.aComplaint()).retrieve().toEntity(JSON_MAP).block(KafkaProbe.PATIENCE);
            assertThat(accepted.getStatusCode().value()).isEqualTo(202);
            complaintIds.add((String) accepted.getBody().get("complaintId"));
        }

        for (String complaintId : complaintIds) {
            Map<String, Object> fromFirst = await().atMost(KafkaProbe.PATIENCE)
                    .until(() -> read(instances.get(0), complaintId), view -> view != null);
            Map<String, Object> fromSecond = read(instances.get(1), complaintId);
            assertThat(fromSecond).as(complaintId).isEqualTo(fromFirst);
            assertThat(fromFirst).containsEntry("complaintId", complaintId);
        }
        // each instance held some of them: both answered for the other
        for (ConfigurableApplicationContext instance : instances) {
            assertThat(instance.getBean(MeterRegistry.class).counter("makeitright.intake.view.forwarded").count())
                    .isPositive();
        }
    }

    @Test
    void anIdempotencyKeyRetriedOnTheOtherInstanceIsRecognisedThereAndPublishesNothing(EmbeddedKafkaBroker broker) {
        String key = "instances-" + UUID.randomUUID();
        ComplaintRequest request = ComplaintRequest.aComplaint();
        ResponseEntity<Map<String, Object>> first = post(instances.get(0), request, key);
        String complaintId = (String) first.getBody().get("complaintId");
        // the retry goes to the other instance once the first one's write is in the view of whichever holds it
        await().atMost(KafkaProbe.PATIENCE).until(() -> read(instances.get(1), complaintId) != null);

        ResponseEntity<Map<String, Object>> retry = post(instances.get(1), request, key);

        assertThat(retry.getStatusCode().value()).isEqualTo(202);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody()).containsEntry("complaintId", complaintId);
        try (KafkaProbe probe = new KafkaProbe(broker.getBrokersAsString())) {
            String marker = Markers.samePartitionKey(complaintId, PARTITIONS);
            probe.publish(Topics.COMPLAINTS_RECEIVED, marker, Events.received(marker).build());
            probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, marker, 1);
            assertThat(probe.eventsFor(Topics.COMPLAINTS_RECEIVED, complaintId))
                    .singleElement().extracting(ComplaintReceived::getIdempotencyKey).isEqualTo(key);
        }
    }

    /** The complaint's view, or null while it answers 404. */
    private static Map<String, Object> read(ConfigurableApplicationContext instance, String complaintId) {
        return client(instance, "viewer").get().uri("/api/complaints/{id}", complaintId)
                .exchangeToMono(response -> response.statusCode().value() == 404
                        ? response.releaseBody().then(reactor.core.publisher.Mono.<Map<String, Object>>empty())
                        : response.bodyToMono(JSON_MAP))
                .block(KafkaProbe.PATIENCE);
    }

    private static ResponseEntity<Map<String, Object>> post(ConfigurableApplicationContext instance,
                                                            ComplaintRequest request, String key) {
        return client(instance, "helpdesk").post().uri("/api/complaints").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .retrieve().toEntity(JSON_MAP).block(KafkaProbe.PATIENCE);
    }

    private static WebClient client(ConfigurableApplicationContext instance, String role) {
        return WebClient.builder()
                .baseUrl("http://localhost:" + instance.getEnvironment().getProperty("local.server.port"))
                .defaultHeader("Authorization", TestCredentials.bearer(role)).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
