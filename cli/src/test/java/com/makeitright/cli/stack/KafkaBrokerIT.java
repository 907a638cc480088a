package com.makeitright.cli.stack;

import com.makeitright.cli.tail.TopicTail;
import com.makeitright.contract.Topics;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker launcher for real: a Kafka JVM on free ports in a temporary directory, the contract topics,
 * Avro events in and out (through {@link TopicTail}, as {@code ./complaints tail} reads them), a stop, and a
 * restart that still has every topic and event; then a consumer group of two members as {@code status} lists it.
 */
class KafkaBrokerIT {

    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private KafkaBroker broker;

    private KafkaBroker broker(int port, int controllerPort) {
        return new KafkaBroker(dir.resolve("kafka"), port, controllerPort,
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                System.getProperty("java.class.path"),
                new ManagedProcess("kafka", dir.resolve("pids/kafka.pid"), dir.resolve("logs/kafka.log")));
    }

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.process().stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void startsCarriesEventsStopsAndRestartsWithItsData() throws Exception {
        int port = Ports.freePort();
        int controllerPort = Ports.freePort();
        broker = broker(port, controllerPort);
        broker.start();
        broker.awaitReady(START);
        KafkaBroker.createTopics(broker.bootstrapServers(), ContractTopics.all(3), START);

        String complaintId = Events.newId();
        try (KafkaProbe probe = new KafkaProbe(broker.bootstrapServers())) {
            probe.publish(Topics.COMPLAINTS_RECEIVED, complaintId, Events.received(complaintId).build());
            probe.publish(Topics.COMPLAINTS_RECEIVED, complaintId, Events.received(complaintId).setRound(2).build());
        }
        assertThat(tail(2)).hasSize(2).allMatch(line -> line.contains("\"complaintId\":\"" + complaintId + "\""))
                .anyMatch(line -> line.contains("\"round\":2"));

        assertThat(broker.process().stop(Duration.ofSeconds(30))).isTrue();
        assertThat(Ports.isFree(port)).isTrue();

        broker = broker(port, controllerPort);
        broker.start();
        broker.awaitReady(START);

        try (Admin admin = KafkaBroker.admin(broker.bootstrapServers())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .contains(Topics.COMPLAINTS_RECEIVED.name(), Topics.COMPLAINTS_RECEIVED.deadLetterTopic(),
                            "intake-service.DLT");
            assertThat(admin.describeTopics(List.of(Topics.REMEDY_OFFERED.name())).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.REMEDY_OFFERED.name()).partitions()).hasSize(3);
        }
        assertThat(tail(2)).hasSize(2).allMatch(line -> line.contains(complaintId));
        statusListsEveryMemberOfAGroup();
    }

    /** Two instances in one consumer group, as {@code ./complaints status} shows them (on the running broker). */
    private void statusListsEveryMemberOfAGroup() {
        LocalStack stack = new LocalStack(StackConfig.builder(dir).runDir(dir.resolve("run"))
                .externalBootstrap(broker.bootstrapServers()).build(), Map.of());
        try (KafkaConsumer<byte[], byte[]> first = member("remedy-service-1");
             KafkaConsumer<byte[], byte[]> second = member("remedy-service-2")) {
            Awaitility.await().atMost(START).until(() -> {
                first.poll(Duration.ofMillis(100));
                second.poll(Duration.ofMillis(100));
                return !first.assignment().isEmpty() && !second.assignment().isEmpty();
            });

            GroupStatus group = stack.consumerGroups().stream().filter(g -> g.lag().group().equals("remedy-service"))
                    .findFirst().orElseThrow();

            assertThat(group.members()).extracting(GroupStatus.Member::clientId)
                    .containsExactly("remedy-service-1", "remedy-service-2");
            assertThat(group.members()).allMatch(member -> member.partitions() >= 1);
            assertThat(group.members().stream().mapToInt(GroupStatus.Member::partitions).sum()).isEqualTo(3);
        }
    }

    private KafkaConsumer<byte[], byte[]> member(String clientId) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "remedy-service",
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.COMPLAINTS_RECEIVED.name()));
        return consumer;
    }

    private List<String> tail(int expected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long printed = new TopicTail(broker.bootstrapServers(), Topics.COMPLAINTS_RECEIVED, true)
                .run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                        expected, KafkaProbe.PATIENCE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(printed).isEqualTo(expected);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
