package com.makeitright.bench.baseline;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.UUID;

/**
 * Baseline (b): the least a durable intake must do. Parses the JSON body, sends it to Kafka with
 * {@code acks=all} (keyed by customer, as intake keys its events) and answers {@code 202} once the broker
 * acknowledged it. No validation, no Avro, no idempotency, no view: what intake costs beyond this is its own.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ParseAndSendApp {

    public static final String TOPIC = "bench.baseline.received";

    private final JsonMapper json = JsonMapper.builder().build();

    public static void main(String[] args) {
        SpringApplication.run(ParseAndSendApp.class, args);
    }

    @Bean(destroyMethod = "close")
    KafkaProducer<String, byte[]> producer(@Value("${bench.bootstrap-servers}") String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    RouterFunction<ServerResponse> routes(KafkaProducer<String, byte[]> producer) {
        return RouterFunctions.route()
                .POST("/api/complaints", request -> accept(request, producer))
                .add(Health.route())
                .build();
    }

    private Mono<ServerResponse> accept(ServerRequest request, KafkaProducer<String, byte[]> producer) {
        return request.bodyToMono(byte[].class).flatMap(body -> {
            JsonNode complaint = json.readTree(body);
            String customer = complaint.path("customer").path("id").asString();
            String id = UUID.randomUUID().toString();
            return Mono.<String>create(sink -> producer.send(new ProducerRecord<>(TOPIC, customer, body),
                    (metadata, failure) -> {
                        if (failure != null) {
                            sink.error(failure);
                        } else {
                            sink.success(id);
                        }
                    }));
        }).flatMap(id -> ServerResponse.accepted().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("complaintId", id, "stage", "RECEIVED")));
    }
}
