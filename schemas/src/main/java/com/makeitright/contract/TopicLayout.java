package com.makeitright.contract;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How the topics are laid out, for whoever creates them (each service at start-up, the local stack, the Docker
 * init container's test): every contract topic and its dead-letter topic with the same partition count, so one
 * complaint's events co-partition, plus each service's own dead-letter topic for records of its internal topics,
 * plus the compacted log of dead-letter replays.
 * Events are kept forever unless a retention is given: the topics are the system of record. The topics of a current
 * state per key ({@link Topics#COMPACTED}, e.g. the contact preferences) are compacted instead, never deleted by time.
 */
public final class TopicLayout {

    private TopicLayout() {
    }

    /** Where a service's records of its internal (repartition) topics go when they cannot be processed. */
    public static String serviceDeadLetterTopic(String service) {
        return service + Topic.DEAD_LETTER_SUFFIX;
    }

    /**
     * Replicas that must acknowledge a write: 2 once there are 3 or more, so that one broker can be lost with no
     * acknowledged write lost and writes still accepted; 1 below that, where requiring every replica would stop all
     * writes when a single broker is down (a replication factor of 2 only protects the data, not availability).
     */
    public static int minInSyncReplicas(short replicationFactor) {
        return replicationFactor >= 3 ? 2 : 1;
    }

    /**
     * The replay log: compacted (only the latest entry per dead letter matters, and it must never expire, or a
     * dead letter could be replayed twice), one partition (an operator's log, read whole by the CLI).
     */
    public static NewTopic deadLetterReplays(short replicationFactor) {
        return new NewTopic(Topics.DEAD_LETTER_REPLAYS, 1, replicationFactor).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSyncReplicas(replicationFactor))));
    }

    /**
     * The customers' data keys: compacted (the latest key per customer, a tombstone erases it), never deleted by
     * time (a customer's data must stay readable until erased or expired on purpose). Partitioned like the contract
     * topics; readers load all of it as a global store.
     */
    public static NewTopic customerDataKeys(int partitions, short replicationFactor) {
        return new NewTopic(Topics.CUSTOMER_DATA_KEYS, partitions, replicationFactor).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSyncReplicas(replicationFactor))));
    }

    /**
     * @param retention how long events are kept; {@code null} keeps them forever
     * @param services  the services (Kafka Streams application ids) that get their own dead-letter topic
     */
    public static List<NewTopic> newTopics(int partitions, short replicationFactor, Duration retention,
                                           Collection<String> services) {
        List<String> names = new ArrayList<>();
        for (Topic<?> topic : Topics.ALL) {
            names.add(topic.name());
            names.add(topic.deadLetterTopic());
        }
        services.forEach(service -> names.add(serviceDeadLetterTopic(service)));
        Map<String, String> config = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, retention == null ? "-1" : String.valueOf(retention.toMillis()),
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSyncReplicas(replicationFactor)));
        Map<String, String> compacted = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSyncReplicas(replicationFactor)));
        List<NewTopic> topics = new ArrayList<>(names.stream()
                .map(name -> new NewTopic(name, partitions, replicationFactor).configs(
                        Topics.COMPACTED.stream().anyMatch(topic -> topic.name().equals(name)) ? compacted : config))
                .toList());
        topics.add(deadLetterReplays(replicationFactor));
        topics.add(customerDataKeys(partitions, replicationFactor));
        return topics;
    }
}
