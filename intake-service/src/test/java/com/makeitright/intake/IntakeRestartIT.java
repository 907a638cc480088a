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
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake restarted with an empty state directory still knows every Idempotency-Key and every complaint: its
 * store is rebuilt from Kafka, not from memory. Two intake instances run one after the other on one broker.
 * A shutdown (what SIGTERM runs) answers the request it is serving and publishes it, once.
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

    @Test
    void aRequestInFlightAtShutdownIsAnsweredAndPublishedOnce(EmbeddedKafkaBroker broker) throws Exception {
        String key = "shutdown-" + UUID.randomUUID();
        ConfigurableApplicationContext intake = startIntake(broker, HoldUntilShutdown.class,
                // the store retries end in a 503 after this, not after the default 30 s
                "--makeitright.intake.ready-wait=3s");
        StreamsInstances.awaitRunning(intake); // the 3 s are for the shutdown, not for a start on a loaded machine
        CompletableFuture<ResponseEntity<String>> answer = client(intake).post().uri("/api/complaints")
                .header("Idempotency-Key", key).header(HoldUntilShutdown.HEADER, "yes")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ComplaintRequest.aComplaint())
                .exchangeToMono(response -> response.toEntity(String.class)).toFuture();
        HoldUntilShutdown.ARRIVED.get(KafkaProbe.PATIENCE.toSeconds(), TimeUnit.SECONDS);

        // SIGTERM runs this (the shutdown hook); the held request goes on once the shutdown has begun
        CompletableFuture<Void> closed = CompletableFuture.runAsync(intake::close);
        ResponseEntity<String> answered = answer.get(KafkaProbe.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        closed.get(KafkaProbe.PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(answered.getStatusCode().value()).as(answered.toString()).isEqualTo(202);
        String complaintId = UUID.nameUUIDFromBytes(("make-it-right/idempotency-key/" + key).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString();
        assertThat(answered.getBody()).contains(complaintId);
        try (KafkaProbe probe = new KafkaProbe(broker.getBrokersAsString())) {
            String marker = Markers.samePartitionKey(complaintId, PARTITIONS);
            probe.publish(Topics.COMPLAINTS_RECEIVED, marker, Events.received(marker).build());
            probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, marker, 1);
            assertThat(probe.eventsFor(Topics.COMPLAINTS_RECEIVED, complaintId)).hasSize(1);
        }
    }

    /**
     * Holds a request marked with {@link #HEADER} until the application begins to shut down: the first lifecycle
     * phase stopped before the web server's graceful drain. Whatever a shutdown stops before the drain is gone
     * while such a request is served.
     */
    @Configuration(proxyBeanMethods = false)
    static class HoldUntilShutdown {
        static final String HEADER = "X-Test-Hold";
        static final CompletableFuture<Void> ARRIVED = new CompletableFuture<>();
        static final CompletableFuture<Void> RELEASED = new CompletableFuture<>();

        @Bean
        WebFilter holdMarkedRequests() {
            return (exchange, chain) -> exchange.getRequest().getHeaders().containsHeader(HEADER)
                    ? Mono.fromRunnable(() -> ARRIVED.complete(null)).then(Mono.fromFuture(RELEASED))
                            .then(chain.filter(exchange))
                    : chain.filter(exchange);
        }

        @Bean
        SmartLifecycle releaseWhenShutdownBegins() {
            return new SmartLifecycle() {
                private volatile boolean running;

                @Override
                public void start() {
                    running = true;
                }

                @Override
                public void stop() {
                    running = false;
                    RELEASED.complete(null);
                }

                @Override
                public boolean isRunning() {
                    return running;
                }

                @Override
                public int getPhase() {
                    return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
                }
            };
        }
    }

    private static ConfigurableApplicationContext startIntake(EmbeddedKafkaBroker broker) {
        return startIntake(broker, IntakeApplication.class);
    }

    private static ConfigurableApplicationContext startIntake(EmbeddedKafkaBroker broker, Class<?> extra,
                                                              String... more) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--makeitright.kafka.topics.partitions=" + PARTITIONS,
                // a new, empty state dir each time: the restarted instance must rebuild its store from Kafka
                "--spring.kafka.streams.state-dir=" + System.getProperty("java.io.tmpdir")
                        + "/make-it-right-tests/intake-restart-" + UUID.randomUUID()), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(IntakeApplication.class, extra).run(args);
    }

    private static ResponseEntity<Map<String, Object>> post(ConfigurableApplicationContext intake,
                                                            ComplaintRequest request, String key) {
        return client(intake).post().uri("/api/complaints").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .retrieve().toEntity(JSON_MAP).block(KafkaProbe.PATIENCE);
    }

    private static WebClient client(ConfigurableApplicationContext intake) {
        return WebClient.builder().baseUrl("http://localhost:" + intake.getEnvironment().getProperty("local.server.port"))
                .defaultHeader("Authorization", TestCredentials.bearer("helpdesk")).build();
    }
}
