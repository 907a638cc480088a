package com.makeitright.intake;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.intake.testing.Markers;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.web.reactive.function.client.WebClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake restarted with an empty state directory still knows every Idempotency-Key and every complaint: its
 * store is rebuilt from Kafka, not from memory. Two intake instances run one after the other on one broker.
 */
@WithKafkaBroker
class IntakeRestartIT {

    private static final int PARTITIONS = 3;
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    @Test
    void anIdempotentRetryAfterARestartWithAnEmptyStateDirPublishesNothingNew(EmbeddedKafkaBroker broker) {
        String key = "restart-" + UUID.randomUUID();
        ComplaintRequest request = ComplaintRequest.aComplaint();
        String complaintId;

        try (ConfigurableApplicationContext first = startIntake(broker)) {
            ResponseEntity<Map<String, Object>> accepted = post(first, request, key);
            assertThat(accepted.getStatusCode().value()).isEqualTo(202);
            assertThat(accepted.getHeaders().getFirst("Idempotent-Replayed")).isNull();
            complaintId = (String) accepted.getBody().get("complaintId");
        }

        try (ConfigurableApplicationContext restarted = startIntake(broker);
             KafkaProbe probe = new KafkaProbe(broker.getBrokersAsString())) {
            ResponseEntity<Map<String, Object>> retry = post(restarted, request, key);

            assertThat(retry.getStatusCode().value()).isEqualTo(202);
            assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.getBody()).containsEntry("complaintId", complaintId);
            Map<String, Object> view = client(restarted).get().uri("/api/complaints/{id}", complaintId)
                    .retrieve().bodyToMono(JSON_MAP).block(KafkaProbe.PATIENCE);
            assertThat(view).containsEntry("stage", "RECEIVED");

            String marker = Markers.samePartitionKey(complaintId, PARTITIONS);
            probe.publish(Topics.COMPLAINTS_RECEIVED, marker, Events.received(marker).build());
            probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, marker, 1);
            assertThat(probe.eventsFor(Topics.COMPLAINTS_RECEIVED, complaintId))
                    .singleElement().extracting(ComplaintReceived::getIdempotencyKey).isEqualTo(key);
        }
    }

    private static ConfigurableApplicationContext startIntake(EmbeddedKafkaBroker broker) {
        return new SpringApplicationBuilder(IntakeApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--makeitright.kafka.topics.partitions=" + PARTITIONS,
                // a new, empty state dir each time: the restarted instance must rebuild its store from Kafka
                "--spring.kafka.streams.state-dir=" + System.getProperty("java.io.tmpdir")
                        + "/make-it-right-tests/intake-restart-" + UUID.randomUUID());
    }

    private static ResponseEntity<Map<String, Object>> post(ConfigurableApplicationContext intake,
                                                            ComplaintRequest request, String key) {
        return client(intake).post().uri("/api/complaints").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .retrieve().toEntity(JSON_MAP).block(KafkaProbe.PATIENCE);
    }

    private static WebClient client(ConfigurableApplicationContext intake) {
        return WebClient.create("http://localhost:" + intake.getEnvironment().getProperty("local.server.port"));
    }
}
