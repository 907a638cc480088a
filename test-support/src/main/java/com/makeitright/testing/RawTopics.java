package com.makeitright.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every record of every topic on the broker (Kafka's own {@code __} topics aside), as raw bytes: keys, values and
 * headers, aborted transactions included ({@code read_uncommitted}), to search for what must not be there.
 */
public record RawTopics(Set<String> topics, List<ConsumerRecord<byte[], byte[]>> records) {

    public static RawTopics read(String bootstrapServers) {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            topics = new TreeSet<>(admin.listTopics().names().get());
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the topics", e);
        }
        topics.removeIf(topic -> topic.startsWith("__"));
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic).forEach(
                    info -> partitions.add(new TopicPartition(topic, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read every topic to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return new RawTopics(topics, records);
    }

    /** Where any of the texts occurs in a record's key, value or a header (name or value), as UTF-8. */
    public List<String> containing(String... texts) {
        List<String> found = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            List<byte[]> parts = new ArrayList<>(Arrays.asList(record.key(), record.value()));
            for (Header header : record.headers()) {
                parts.add(header.key().getBytes(StandardCharsets.UTF_8));
                parts.add(header.value());
            }
            for (byte[] part : parts) {
                String text = part == null ? "" : new String(part, StandardCharsets.UTF_8);
                for (String wanted : texts) {
                    if (text.contains(wanted)) {
                        found.add(record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + wanted);
                    }
                }
            }
        }
        return found;
    }

    /** How many records the topic holds under keys that start with the prefix (tombstones included). */
    public long recordsStartingWith(String topic, String keyPrefix) {
        return records.stream().filter(r -> r.topic().equals(topic) && r.key() != null
                && new String(r.key(), StandardCharsets.UTF_8).startsWith(keyPrefix)).count();
    }
}
