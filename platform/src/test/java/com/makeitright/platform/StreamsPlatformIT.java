package com.makeitright.platform;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The platform on a real broker: topics are created as configured, a stream application runs exactly-once,
 * unreadable and failing records land on the dead-letter topic with the reason, and the partition keeps
 * moving after them.
 */
@WithKafkaBroker
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.application.name=platform-test",
        "makeitright.kafka.topics.partitions=2",
        "makeitright.kafka.dead-letter.max-attempts=2",
        // Small enough that a "huge" acknowledgement cannot be written (see the production-error test).
        "spring.kafka.streams.properties.producer.max.request.size=65536",
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/platform-${random.uuid}"
})
class StreamsPlatformIT {

    static final AtomicInteger FAILING_ATTEMPTS = new AtomicInteger();

    @Configuration
    @EnableAutoConfiguration
    static class EchoTriage {
        /**
     * Acknowledges every complaint; a complaint whose subject is "boom" fails processing, one whose subject is
     * "huge" gets an acknowledgement too large for the producer.
     */
        @Bean
        Object topology(StreamsBuilder builder) {
            builder.stream(Topics.COMPLAINTS_RECEIVED.name(),
                            Consumed.with(Serdes.String(), Topics.COMPLAINTS_RECEIVED.serde()))
                    .mapValues(received -> {
                        if (received.getSubject().equals("boom")) {
                            FAILING_ATTEMPTS.incrementAndGet();
                            throw new IllegalStateException("cannot triage " + received.getComplaintId());
                        }
                        return Events.acknowledged(received.getComplaintId())
                                .setAcknowledgementText(received.getSubject().equals("huge") ? "sorry ".repeat(20_000)
                                        : "We are sorry.")
                                .setCausationId(received.getEventId()).build();
                    })
                    .to(Topics.COMPLAINTS_ACKNOWLEDGED.name(),
                            Produced.with(Serdes.String(), Topics.COMPLAINTS_ACKNOWLEDGED.serde()));
            return builder;
        }
    }

    KafkaProbe probe;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    KafkaStreamsHealthIndicator health;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaBrokerHealthIndicator kafkaHealth;

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
    }

    @Test
    void kafkaHealthIsUpWithTheBrokerItReaches() {
        Health health = kafkaHealth.health();
        assertThat(health.getStatus()).as(health.toString()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("brokers", 1).containsKey("clusterId");
    }

    @Test
    void createsEveryContractTopicAndItsDeadLetterTopicAsConfigured() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<String> names = Topics.ALL.stream()
                    .flatMap(t -> java.util.stream.Stream.of(t.name(), t.deadLetterTopic())).toList();
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();

            assertThat(topics).hasSize(2 * Topics.ALL.size());
            assertThat(topics.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(2));
            assertThat(admin.listTopics().names().get()).contains("platform-test.DLT");
        }
    }

    /** Just the topic layout, as every service creates it at start-up. */
    @Configuration
    @ImportAutoConfiguration({KafkaAutoConfiguration.class, ContractTopicsAutoConfiguration.class})
    static class LayoutOnly {
    }

    @Test
    void aServiceConfiguredForOtherPartitionCountsThanTheTopicsHaveRefusesToStartAndChangesNothing() throws Exception {
        SpringApplicationBuilder otherLayout = new SpringApplicationBuilder(LayoutOnly.class)
                .web(WebApplicationType.NONE).properties(
                        "spring.application.name=platform-test",
                        "spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "makeitright.kafka.topics.partitions=3");

        assertThatThrownBy(otherLayout::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another partition count than configured")
                .hasMessageMatching("(?s).*2 partitions where 3 are configured: [^;]*\\b"
                        + Pattern.quote(Topics.COMPLAINTS_RECEIVED.name()) + "\\b.*");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            assertThat(admin.describeTopics(List.of(Topics.COMPLAINTS_RECEIVED.name())).allTopicNames().get()
                    .get(Topics.COMPLAINTS_RECEIVED.name()).partitions()).as("not repartitioned").hasSize(2);
        }
    }

    @Test
    void processesEachComplaintExactlyOnceAndReportsHealthy() {
        ComplaintReceived received = Events.received("ok-" + Events.newId()).build();
        probe.publish(Topics.COMPLAINTS_RECEIVED, received.getComplaintId(), received);

        List<ComplaintAcknowledged> acks = probe.awaitEvents(Topics.COMPLAINTS_ACKNOWLEDGED, received.getComplaintId(), 1);

        assertThat(acks).singleElement().satisfies(ack -> assertThat(ack.getCausationId()).isEqualTo(received.getEventId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.UP));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        String poisonKey = "poison-" + Events.newId();
        probe.publishRaw(Topics.COMPLAINTS_RECEIVED.name(), poisonKey, "{\"not\":\"avro\"}".getBytes());
        ComplaintReceived after = Events.received(poisonKey).build(); // same key: same partition, after the poison
        probe.publish(Topics.COMPLAINTS_RECEIVED, poisonKey, after);

        ConsumerRecord<String, byte[]> dead = probe.awaitRecord(Topics.COMPLAINTS_RECEIVED.deadLetterTopic(), poisonKey);

        assertThat(new String(dead.value())).isEqualTo("{\"not\":\"avro\"}");
        assertThat(meters.get(DeadLetters.METRIC).tag("topic", Topics.COMPLAINTS_RECEIVED.name()).counter().count())
                .isGreaterThanOrEqualTo(1.0);
        assertThat(KafkaProbe.header(dead, "kafka_dlt-exception-message")).contains("not Avro single-object encoded");
        assertThat(KafkaProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.COMPLAINTS_RECEIVED.name());
        assertThat(probe.awaitEvents(Topics.COMPLAINTS_ACKNOWLEDGED, poisonKey, 1)).hasSize(1);
    }

    @Test
    void aRecordThatKeepsFailingIsRetriedThenDeadLetteredAndThePartitionMovesOn() {
        String key = "boom-" + Events.newId();
        ComplaintReceived failing = Events.received(key).setSubject("boom").build();
        ComplaintReceived after = Events.received(key).build();
        probe.publish(Topics.COMPLAINTS_RECEIVED, key, failing);
        probe.publish(Topics.COMPLAINTS_RECEIVED, key, after);

        ConsumerRecord<String, byte[]> dead = probe.awaitRecord(Topics.COMPLAINTS_RECEIVED.deadLetterTopic(), key);

        assertThat(KafkaProbe.header(dead, "kafka_dlt-exception-message")).contains("cannot triage " + key);
        ComplaintReceived deadEvent = Topics.COMPLAINTS_RECEIVED.serde().deserializer()
                .deserialize(Topics.COMPLAINTS_RECEIVED.name(), dead.value());
        assertThat(deadEvent.getEventId()).isEqualTo(failing.getEventId());
        assertThat(FAILING_ATTEMPTS.get()).as("attempts before dead-lettering").isEqualTo(2);
        assertThat(probe.awaitEvents(Topics.COMPLAINTS_ACKNOWLEDGED, key, 1))
                .singleElement().satisfies(ack -> assertThat(ack.getCausationId()).isEqualTo(after.getEventId()));
    }

    @Test
    void anOutputTooLargeToWriteIsSkippedDeadLetteredAndThePartitionMovesOn() {
        String key = "huge-" + Events.newId();
        ComplaintReceived huge = Events.received(key).setSubject("huge").build();
        ComplaintReceived after = Events.received(key).build();
        probe.publish(Topics.COMPLAINTS_RECEIVED, key, huge);
        probe.publish(Topics.COMPLAINTS_RECEIVED, key, after);

        ConsumerRecord<String, byte[]> dead = probe.awaitRecord(Topics.COMPLAINTS_ACKNOWLEDGED.deadLetterTopic(), key);

        assertThat(KafkaProbe.header(dead, "kafka_dlt-exception-fqcn"))
                .isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException");
        assertThat(KafkaProbe.header(dead, DeadLetteringProductionHandler.INPUT_HEADER))
                .startsWith(Topics.COMPLAINTS_RECEIVED.name() + "-");
        assertThat(Integer.parseInt(KafkaProbe.header(dead, DeadLetteringProductionHandler.OMITTED_HEADER)))
                .isGreaterThan(65536);
        assertThat(probe.awaitEvents(Topics.COMPLAINTS_ACKNOWLEDGED, key, 1))
                .singleElement().satisfies(ack -> assertThat(ack.getCausationId()).isEqualTo(after.getEventId()));
        assertThat(meters.find(DeadLetteringProductionHandler.COUNTER).tag("outcome", "dead-lettered").counter())
                .isNotNull().satisfies(counter -> assertThat(counter.count()).isEqualTo(1));
    }
}
