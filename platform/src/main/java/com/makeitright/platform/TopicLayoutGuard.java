package com.makeitright.platform;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which of the layout's topics {@link org.springframework.kafka.core.KafkaAdmin} may touch at start-up: only the
 * missing ones, which it creates. Left alone, KafkaAdmin silently adds partitions to a topic that has fewer than
 * configured, and that moves keys to other partitions: a complaint's later events would no longer co-partition
 * with its earlier ones or with its state in the stores. A topic whose partition count differs from the
 * configuration stops the service at start-up instead, naming each such topic and both counts.
 * Topics outside the layout (a service's own) keep KafkaAdmin's usual handling.
 */
final class TopicLayoutGuard implements Predicate<NewTopic> {

    private static final Logger log = LoggerFactory.getLogger(TopicLayoutGuard.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> adminConfig;
    private final Map<String, Integer> layout;
    /** Partition counts of the layout's topics that exist, read once, on KafkaAdmin's first question. */
    private Optional<Map<String, Integer>> existing;

    TopicLayoutGuard(Map<String, Object> adminConfig, Collection<NewTopic> layout) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.layout = layout.stream().collect(Collectors.toMap(NewTopic::name, NewTopic::numPartitions));
    }

    @Override
    public synchronized boolean test(NewTopic topic) {
        if (!layout.containsKey(topic.name())) {
            return true;
        }
        if (existing == null) {
            existing = describeLayout();
            refuseDifferentPartitionCounts();
        }
        return existing.map(found -> !found.containsKey(topic.name())).orElse(false);
    }

    private void refuseDifferentPartitionCounts() {
        Map<String, List<String>> different = new TreeMap<>();
        existing.orElse(Map.of()).forEach((name, partitions) -> {
            int configured = layout.get(name);
            if (partitions != configured) {
                different.computeIfAbsent(partitions + " partitions where " + configured + " are configured",
                        count -> new ArrayList<>()).add(name);
            }
        });
        if (!different.isEmpty()) {
            throw new IllegalStateException("Topics exist with another partition count than configured "
                    + "(makeitright.kafka.topics.partitions), so this service does not start: adding partitions would "
                    + "move complaints' keys away from their earlier events and state. Configure the count the topics "
                    + "were created with, or recreate them. " + different.entrySet().stream()
                    .map(counts -> counts.getKey() + ": " + String.join(", ", counts.getValue()))
                    .collect(Collectors.joining("; ")));
        }
    }

    /**
     * The layout's topics that exist, with their partition counts; empty when they cannot be described (the broker
     * is not reachable): then nothing is created or checked here, and KafkaAdmin reports the broker itself.
     */
    private Optional<Map<String, Integer>> describeLayout() {
        Map<String, Integer> found = new TreeMap<>();
        try (Admin admin = Admin.create(adminConfig)) {
            for (Map.Entry<String, KafkaFuture<TopicDescription>> topic
                    : admin.describeTopics(layout.keySet()).topicNameValues().entrySet()) {
                try {
                    found.put(topic.getKey(),
                            topic.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).partitions().size());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        log.warn("Contract topics neither checked nor created: {}", e.getCause().toString());
                        return Optional.empty();
                    }
                }
            }
        } catch (TimeoutException e) {
            log.warn("Contract topics neither checked nor created: not described within {}", TIMEOUT);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(found);
    }
}
