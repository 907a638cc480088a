package com.makeitright.cli.stack;

import com.makeitright.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code up --brokers 3} for real, the way {@code up} starts it ({@link LocalStack#upKafka}): three KRaft nodes as
 * their own JVMs on free ports, every contract topic with three replicas and {@code min.insync.replicas=2}; then the
 * node that leads a partition is SIGKILLed and writes with {@code acks=all} and reads still work, and the node comes
 * back with {@code start kafka-n}.
 */
class KafkaClusterIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final String TOPIC = Topics.COMPLAINTS_RECEIVED.name();

    @TempDir
    Path dir;

    private LocalStack stack;

    @AfterEach
    void stopCluster() {
        if (stack != null) {
            stack.stopAll();
        }
    }

    @Test
    void threeNodesReplicateEveryTopicAndLoseNothingWhenTheLeaderIsKilled() throws Exception {
        StackConfig config = startCluster();

        assertThat(config.bootstrapServers().split(",")).hasSize(3);
        assertThat(stack.status()).filteredOn(s -> s.component() == Component.KAFKA)
                .extracting(s -> s.instance().name() + " " + s.health())
                .containsExactly("kafka UP", "kafka-2 UP", "kafka-3 UP");
        int leader;
        try (Admin admin = KafkaBroker.admin(config.bootstrapServers())) {
            TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(TOPIC);
            assertThat(topic.partitions()).hasSize(3).allMatch(p -> p.replicas().size() == 3 && p.isr().size() == 3);
            Config settings = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC)))
                    .all().get(30, TimeUnit.SECONDS).values().iterator().next();
            assertThat(settings.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("2");
            leader = topic.partitions().get(0).leader().id();
        }

        try (KafkaProducer<String, String> producer = producer(config.bootstrapServers())) {
            send(producer, 0, 20);
            Instance killed = new Instance(Component.KAFKA, leader);
            assertThat(stack.kill(killed)).isTrue(); // SIGKILL the leader of partition 0
            send(producer, 20, 40); // acks=all: each needs 2 of the 3 replicas, which the 2 left are
        }
        assertThat(readAll(config.bootstrapServers(), 40)).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 40).mapToObj(i -> "event-" + i).toList());

        Instance killed = new Instance(Component.KAFKA, leader);
        stack.start(killed); // as ./complaints start kafka-n: rejoins, and catches up to be in sync again
        try (Admin admin = KafkaBroker.admin(config.bootstrapServers())) {
            Awaitility.await().atMost(START).until(() -> admin.describeTopics(List.of(TOPIC)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(TOPIC).partitions().stream()
                    .map(TopicPartitionInfo::isr).allMatch(isr -> isr.size() == 3));
        }
    }

    /**
     * Starts the cluster on free ports, again on other ports (at most twice more) when a node lost a port race: the
     * six ports are free when drawn, but another test JVM may bind one before the node does.
     */
    private StackConfig startCluster() {
        for (int attempt = 1; ; attempt++) {
            StackConfig config = StackConfig.builder(dir).runDir(dir.resolve("run-" + attempt)).brokers(3)
                    .port(Component.KAFKA, freeForThreeNodes()).controllerPort(freeForThreeNodes())
                    .kafkaJavaOpts("-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").startTimeout(START)
                    .build();
            stack = new LocalStack(config, Map.of("COMPLAINTS_CDS", "off")); // a fresh directory: an archive would only be written
            try {
                stack.upKafka(line -> { });
                return config;
            } catch (StackException failure) {
                stack.stopAll();
                if (attempt == 3 || !String.valueOf(failure.getMessage()).contains("Address already in use")) {
                    throw failure;
                }
            }
        }
    }

    /** A port free with the two the other nodes take above it (+100, +200), all three below the ephemeral range. */
    private static int freeForThreeNodes() {
        while (true) {
            int port = Ports.freePort();
            // below the ephemeral range, where the kernel would hand it to an outgoing connection
            if (port + 2 * Instance.PORT_STEP < Ports.ephemeralRangeStart() && Ports.isFree(port + Instance.PORT_STEP)
                    && Ports.isFree(port + 2 * Instance.PORT_STEP)) {
                return port;
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
                new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            producer.send(new ProducerRecord<>(TOPIC, "key-" + i, "event-" + i)).get(90, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(String bootstrap, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            // no consumer group: its offsets topic would be created only now, with a node down
            consumer.assign(IntStream.range(0, 3).mapToObj(p -> new TopicPartition(TOPIC, p)).toList());
            Awaitility.await().atMost(START).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }
}
