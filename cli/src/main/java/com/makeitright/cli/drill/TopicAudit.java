package com.makeitright.cli.drill;

import com.makeitright.cli.stack.KafkaClientSettings;
import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Kafka holds on every contract topic, as an outside consumer sees it ({@code read_committed}, from the
 * beginning to the end offsets as of the read), decoded with the contract's own serde: per topic the records,
 * the distinct event ids and the duplicates (an event id seen more than once), and per complaint and round how
 * many received, acknowledged and resolved milestones there are, and per satisfaction check how many answers. The one place that counts duplicates on Kafka,
 * for {@code ./complaints drill} and the system tests.
 */
public final class TopicAudit {

    /** The milestones a complaint reaches exactly once per round. */
    public static final List<Topic<?>> ONCE_PER_ROUND = List.of(Topics.COMPLAINTS_RECEIVED,
            Topics.COMPLAINTS_ACKNOWLEDGED, Topics.COMPLAINTS_RESOLVED);

    /** One topic's figures. {@code undecodable}: records the contract's serde could not read. */
    public record TopicCount(String topic, long records, long distinctEventIds, long undecodable) {
        /** Records beyond the first with the same event id. */
        public long duplicates() {
            return records - undecodable - distinctEventIds;
        }
    }

    private final Map<String, TopicCount> counts = new LinkedHashMap<>();
    /** topic → "complaintId#round" → events. */
    private final Map<String, Map<String, Long>> perRound = new HashMap<>();
    /** topic → "complaintId#round" → distinct event ids. */
    private final Map<String, Map<String, Set<String>>> idsPerRound = new HashMap<>();
    /** topic → complaint ids with at least one event. */
    private final Map<String, Set<String>> complaints = new HashMap<>();
    /** "complaintId#causationId" of a follow-up answer (the check it answers) → distinct event ids. */
    private final Map<String, Set<String>> answersPerCheck = new HashMap<>();

    TopicAudit() {
    }

    /** Reads every contract topic to its end; throws when a topic cannot be read to its end within {@code patience}. */
    public static TopicAudit read(String bootstrapServers, Duration patience) {
        TopicAudit audit = new TopicAudit();
        java.util.Properties config = KafkaClientSettings.forBootstrap(bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config,
                new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer())) {
            for (Topic<?> topic : Topics.ALL) {
                audit.readTopic(consumer, topic, patience);
            }
        }
        return audit;
    }

    private <T extends SpecificRecord> void readTopic(KafkaConsumer<String, byte[]> consumer, Topic<T> topic,
                                                      Duration patience) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), patience).stream()
                .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, patience);
        long deadline = System.nanoTime() + patience.toNanos();
        List<byte[]> values = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p, patience) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + topic + " to its end within " + patience);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                values.add(record.value());
            }
        }
        fold(topic, values);
    }

    /** Counts a topic's records, as read from the beginning to its end. */
    <T extends SpecificRecord> void fold(Topic<T> topic, List<byte[]> values) {
        long undecodable = 0;
        Set<String> eventIds = new HashSet<>();
        Map<String, Long> rounds = new HashMap<>();
        Map<String, Set<String>> roundIds = new HashMap<>();
        Set<String> ids = new HashSet<>();
        try (Deserializer<T> deserializer = topic.serde().deserializer()) {
            for (byte[] value : values) {
                T event;
                try {
                    event = value == null ? null : deserializer.deserialize(topic.name(), value);
                } catch (RuntimeException e) {
                    event = null;
                }
                if (event == null) {
                    undecodable++;
                    continue;
                }
                String eventId = String.valueOf(field(event, "eventId"));
                eventIds.add(eventId);
                Object complaintId = field(event, "complaintId");
                if (topic.equals(Topics.FOLLOW_UP_OUTCOMES)) {
                    answersPerCheck.computeIfAbsent(complaintId + "#" + field(event, "causationId"),
                            k -> new HashSet<>()).add(eventId);
                }
                if (complaintId != null) {
                    ids.add(complaintId.toString());
                    Object round = field(event, "round");
                    String key = complaintId + "#" + (round == null ? 0 : round);
                    rounds.merge(key, 1L, Long::sum);
                    roundIds.computeIfAbsent(key, k -> new HashSet<>()).add(eventId);
                }
            }
        }
        counts.put(topic.name(), new TopicCount(topic.name(), values.size(), eventIds.size(), undecodable));
        perRound.put(topic.name(), rounds);
        idsPerRound.put(topic.name(), roundIds);
        complaints.put(topic.name(), ids);
    }

    private static Object field(SpecificRecord event, String name) {
        Schema.Field field = event.getSchema().getField(name);
        return field == null ? null : event.get(field.pos());
    }

    /** Per topic, in lifecycle order. */
    public List<TopicCount> counts() {
        return List.copyOf(counts.values());
    }

    /** Event-id duplicates over every topic. */
    public long duplicates() {
        return counts.values().stream().mapToLong(TopicCount::duplicates).sum();
    }

    /** How many events of the topic are about this complaint's round. */
    public long events(Topic<?> topic, String complaintId, int round) {
        return perRound.getOrDefault(topic.name(), Map.of()).getOrDefault(complaintId + "#" + round, 0L);
    }

    /** Whether the topic holds any event about this complaint. */
    public boolean has(Topic<?> topic, String complaintId) {
        return complaints.getOrDefault(topic.name(), Set.of()).contains(complaintId);
    }

    /**
     * Rounds of the given complaints that have a milestone ({@link #ONCE_PER_ROUND}) under more than one event id, and
     * satisfaction checks answered under more than one (decided twice, which no reader can drop), as
     * {@code topic complaintId#round ×n} and {@code topic complaintId#checkEventId ×n}. Exact copies (one event id
     * twice) are not counted here: {@link #duplicates()} counts them already.
     */
    public List<String> milestonesTwice(Collection<String> complaintIds) {
        List<String> twice = new ArrayList<>();
        Set<String> wanted = new HashSet<>(complaintIds);
        for (Topic<?> topic : ONCE_PER_ROUND) {
            decidedTwice(topic, idsPerRound.getOrDefault(topic.name(), Map.of()), wanted, twice);
        }
        // drill run U: one check answered twice, by a retry decided before the first answer's late batch landed
        decidedTwice(Topics.FOLLOW_UP_OUTCOMES, answersPerCheck, wanted, twice);
        return twice;
    }

    private static void decidedTwice(Topic<?> topic, Map<String, Set<String>> idsPerKey, Set<String> wanted,
                                     List<String> twice) {
        idsPerKey.forEach((key, eventIds) -> {
            if (eventIds.size() > 1 && wanted.contains(key.substring(0, key.indexOf('#')))) {
                twice.add(topic.name() + " " + key + " x" + eventIds.size());
            }
        });
    }
}
