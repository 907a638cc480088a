package com.makeitright.cli.dlt;

import com.makeitright.cli.stack.KafkaClientSettings;
import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The dead-letter topics of a cluster and what is in them, including which records were already replayed. */
public final class DeadLetterTopics {

    private final String bootstrapServers;

    public DeadLetterTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * What a person types for a dead-letter topic: its full name, or the topic it belongs to in full or short form
     * ({@code received}, {@code complaints.received}, {@code complaints.received.DLT}, {@code triage-service.DLT}).
     */
    public static String resolve(String typed) {
        String name = typed.trim();
        if (name.endsWith(Topic.DEAD_LETTER_SUFFIX)) {
            return name;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return Topics.byName(lower).or(() -> Topics.byName("complaints." + lower))
                .map(Topic::deadLetterTopic)
                .orElseThrow(() -> new IllegalArgumentException("Unknown topic '" + typed + "'. Give a contract topic ("
                        + Topics.ALL.stream().map(Topic::name).collect(Collectors.joining(", "))
                        + ") or a dead-letter topic by its full name (e.g. triage-service.DLT)"));
    }

    /** Every dead-letter topic on the cluster: the contract topics' in lifecycle order, then the services'. */
    public List<String> names() {
        List<String> order = Topics.ALL.stream().map(Topic::deadLetterTopic).toList();
        return existingTopics().stream()
                .filter(name -> name.endsWith(Topic.DEAD_LETTER_SUFFIX))
                .sorted(Comparator.<String>comparingInt(name -> order.contains(name) ? order.indexOf(name) : order.size())
                        .thenComparing(Function.identity()))
                .toList();
    }

    /** Every committed record of the dead-letter topic, in partition and offset order. */
    public List<DeadLetter> read(String deadLetterTopic) {
        return TopicReader.readAll(bootstrapServers, deadLetterTopic).stream()
                .map(DeadLetter::from)
                .sorted(Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset))
                .toList();
    }

    /** The replay log: replay key ({@link DeadLetter#replayKey()}) to its entry; empty when there is no log yet. */
    public Map<String, ReplayEntry> replays() {
        if (!existingTopics().contains(Topics.DEAD_LETTER_REPLAYS)) {
            return Map.of();
        }
        return ReplayEntry.fold(TopicReader.readAll(bootstrapServers, Topics.DEAD_LETTER_REPLAYS));
    }

    /** Whether the topic exists: an unknown name is a typo, not an empty topic. */
    public Optional<String> existing(String topic) {
        return existingTopics().contains(topic) ? Optional.of(topic) : Optional.empty();
    }

    private java.util.Set<String> existingTopics() {
        try (Admin admin = Admin.create(KafkaClientSettings.forBootstrap(bootstrapServers))) {
            return admin.listTopics().names().get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " does not answer (is the stack up?): "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }
}
