package com.makeitright.testing;

import com.makeitright.contract.EventSerializer;
import com.makeitright.contract.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Reads and writes contract topics from a test, the way any outside client would: real Avro bytes, keyed
 * by complaint id, {@code read_committed}. Each topic is read from the beginning by its own consumer
 * (no consumer group), the first time it is asked for.
 */
public final class KafkaProbe implements AutoCloseable {

    /** How long {@code await*} methods wait before failing. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Reader> readers = new ConcurrentHashMap<>();

    public KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes one event, keyed by its complaint id, and waits for the broker's acknowledgement. */
    public <T extends SpecificRecord> void publish(Topic<T> topic, String key, T event) {
        publishRaw(topic.name(), key, new EventSerializer<T>().serialize(topic.name(), event));
    }

    /** Publishes arbitrary bytes, e.g. a poison record. */
    public void publishRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Every event on the topic so far. */
    public <T extends SpecificRecord> List<T> events(Topic<T> topic) {
        List<T> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : reader(topic.name()).records) {
            events.add(topic.serde().deserializer().deserialize(topic.name(), record.value()));
        }
        return events;
    }

    /** Every event of one complaint on the topic so far, in order. */
    public <T extends SpecificRecord> List<T> eventsFor(Topic<T> topic, String complaintId) {
        List<T> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : reader(topic.name()).records) {
            if (complaintId.equals(record.key())) {
                events.add(topic.serde().deserializer().deserialize(topic.name(), record.value()));
            }
        }
        return events;
    }

    /**
     * Every event of one complaint on the topic as of now: waits until this probe has read the topic up to the
     * end offsets it has at the time of the call (committed records only), so "exactly n" can be asserted.
     */
    public <T extends SpecificRecord> List<T> eventsUpToNow(Topic<T> topic, String complaintId) {
        reader(topic.name()).awaitCaughtUp(bootstrapServers);
        return eventsFor(topic, complaintId);
    }

    /** Raw records of a topic as of now (see {@link #eventsUpToNow}). */
    public List<ConsumerRecord<String, byte[]>> recordsUpToNow(String topic) {
        reader(topic).awaitCaughtUp(bootstrapServers);
        return records(topic);
    }

    /** Waits until the complaint has at least {@code count} events on the topic, and returns them all. */
    public <T extends SpecificRecord> List<T> awaitEvents(Topic<T> topic, String complaintId, int count) {
        return await().atMost(PATIENCE).until(() -> eventsFor(topic, complaintId), events -> events.size() >= count);
    }

    /** Waits for the first event on the topic that matches. */
    public <T extends SpecificRecord> T awaitEvent(Topic<T> topic, Predicate<T> matching) {
        return await().atMost(PATIENCE).until(() -> events(topic).stream().filter(matching).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    /** Raw records of a topic, e.g. its dead-letter topic, with headers. */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        return List.copyOf(reader(topic).records);
    }

    /** Waits until a raw record with this key is on the topic. */
    public ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        return await().atMost(PATIENCE).until(() -> records(topic).stream()
                .filter(r -> key.equals(r.key())).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Reader reader(String topic) {
        return readers.computeIfAbsent(topic, name -> new Reader(name, bootstrapServers));
    }

    @Override
    public void close() {
        readers.values().forEach(Reader::close);
        producer.close(Duration.ofSeconds(5));
    }

    private static final class Reader implements AutoCloseable {
        final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
        private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
        private final List<TopicPartition> partitions;
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private volatile boolean running = true;

        Reader(String topic, String bootstrapServers) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new StringDeserializer(), new ByteArrayDeserializer());
            partitions = await().atMost(PATIENCE).until(
                    () -> consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList(),
                    list -> !list.isEmpty());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Position the consumer before returning, so nothing published afterwards can be missed.
            partitions.forEach(consumer::position);
            thread = new Thread(this::poll, "kafka-probe-" + topic);
            thread.setDaemon(true);
            thread.start();
        }

        private void poll() {
            try {
                while (running) {
                    consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                    partitions.forEach(p -> positions.put(p, consumer.position(p)));
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close(Duration.ofSeconds(2));
            }
        }

        /** Waits until this reader has read every partition up to its current last stable offset. */
        void awaitCaughtUp(String bootstrapServers) {
            Map<TopicPartition, Long> ends;
            try (KafkaConsumer<String, byte[]> offsets = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                ends = offsets.endOffsets(partitions, Duration.ofSeconds(30));
            }
            await().atMost(PATIENCE).until(() -> ends.entrySet().stream()
                    .allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue()));
        }

        @Override
        public void close() {
            running = false;
            consumer.wakeup();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
