package com.makeitright.intake;

import com.makeitright.contract.Topics;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.ScramKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Intake against a real broker that takes SASL/SCRAM-SHA-512 only, configured the way an operator does it: the
 * standard Kafka client settings under {@code spring.kafka.properties.*} (environment variables
 * {@code SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL}, {@code ..._SASL_MECHANISM}, {@code ..._SASL_JAAS_CONFIG};
 * docs/operations.md). Every client of the service — topic creation, the publisher, the view's Kafka Streams, the
 * health check — reaches the broker through them: the view becomes ready and a posted complaint lands on its topic.
 * A client with a wrong password is refused by the same broker, so the test cannot pass on an open listener.
 */
@AutoConfigureWebTestClient(timeout = "PT1M") // not 5 s: a loaded machine answers slowly, and an await retries assertions, not timeouts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/intake-scram-${random.uuid}",
        "makeitright.intake.transactional-id=intake-scram-test-${random.uuid}"
})
class KafkaScramIT {

    static final ScramKafkaBroker BROKER = ScramKafkaBroker.start("intake", "intake-secret-" + UUID.randomUUID());

    @DynamicPropertySource
    static void scram(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        BROKER.clientConfig().forEach((name, value) -> {
            if (!name.equals("bootstrap.servers")) {
                registry.add("spring.kafka.properties." + name, () -> value);
            }
        });
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @Autowired
    WebTestClient http;

    @Test
    void postsAndReadsThroughTheScramListener() {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> http.get().uri("/api/complaints/{id}", UUID.randomUUID())
                        .exchange().returnResult(String.class).getStatus().value() == 404);

        String id = (String) http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ComplaintRequest.aComplaint()).exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("complaintId");

        try (KafkaConsumer<String, byte[]> consumer = consumer(BROKER.clientConfig())) {
            List<String> keys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
                return keys.contains(id);
            });
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/complaints/{id}", id)
                .exchange().expectStatus().isOk());
    }

    @Test
    void theBrokerRefusesAWrongPassword() {
        try (Admin admin = Admin.create(new HashMap<>(BROKER.clientConfig("intake", "not-the-password")))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMPLAINTS_RECEIVED.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
