package com.makeitright.cli.dlt;

import com.makeitright.cli.stack.KafkaClientSettings;
import com.makeitright.cli.stack.KafkaBroker;
import com.makeitright.contract.TopicLayout;
import com.makeitright.contract.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends chosen dead letters back to their source topic, each at most once ever, and exactly once when it runs to
 * the end. One Kafka transaction writes the copies (original key, value bytes and headers, minus the
 * {@code kafka_dlt-*} ones) and their entries in the compacted replay log, so a copy is visible if and only if its
 * entry is. Every run uses the same transactional id: starting a run fences an earlier one still running and
 * settles its open transaction, so the replay log read afterwards is complete and two runs cannot both send a
 * record.
 */
public final class DeadLetterReplay {

    /** Shared by every run against a cluster, on purpose (see above). */
    static final String TRANSACTIONAL_ID = "complaints-dlt-replay";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What became of one chosen record (or of an {@code --id} that names none). */
    public record Outcome(Status status, String chosen, DeadLetter deadLetter, ReplayEntry entry) {
    }

    public enum Status { REPLAYED, ALREADY_REPLAYED, NOT_FOUND, NOT_REPLAYABLE }

    private final String bootstrapServers;
    private final Clock clock;

    public DeadLetterReplay(String bootstrapServers, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
    }

    /**
     * @param deadLetterTopic e.g. {@code complaints.received.DLT}
     * @param ids             {@link DeadLetter#id()}s ({@code partition@offset}) or event ids; empty: every record
     */
    public List<Outcome> replay(String deadLetterTopic, List<String> ids) {
        DeadLetterTopics topics = new DeadLetterTopics(bootstrapServers);
        if (topics.existing(deadLetterTopic).isEmpty()) {
            throw new IllegalArgumentException("No topic " + deadLetterTopic + " on " + bootstrapServers);
        }
        // A stack started before the replay log existed gets it now, laid out as the services lay it out.
        KafkaBroker.createTopics(bootstrapServers, List.of(TopicLayout.deadLetterReplays((short) 1)), TIMEOUT);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.initTransactions();
            // Read only now: initTransactions() settled whatever an earlier run left open.
            Map<String, ReplayEntry> replayed = topics.replays();
            List<Outcome> outcomes = new ArrayList<>();
            Map<String, DeadLetter> toReplay = new LinkedHashMap<>();
            List<DeadLetter> letters = topics.read(deadLetterTopic);
            List<DeadLetter> chosen = ids.isEmpty() ? letters : choose(letters, ids, outcomes);
            for (DeadLetter letter : chosen) {
                ReplayEntry earlier = replayed.get(letter.replayKey());
                if (earlier != null) {
                    outcomes.add(new Outcome(Status.ALREADY_REPLAYED, letter.id(), letter, earlier));
                } else if (letter.valueOmitted()) {
                    outcomes.add(new Outcome(Status.NOT_REPLAYABLE, letter.id(), letter, null));
                } else {
                    toReplay.putIfAbsent(letter.replayKey(), letter);
                }
            }
            if (!toReplay.isEmpty()) {
                outcomes.addAll(send(producer, toReplay.values()));
            }
            return outcomes;
        }
    }

    private static List<DeadLetter> choose(List<DeadLetter> letters, List<String> ids, List<Outcome> outcomes) {
        List<DeadLetter> chosen = new ArrayList<>();
        for (String id : ids) {
            List<DeadLetter> matching = letters.stream().filter(letter -> letter.matches(id)).toList();
            if (matching.isEmpty()) {
                outcomes.add(new Outcome(Status.NOT_FOUND, id, null, null));
            }
            chosen.addAll(matching);
        }
        return chosen;
    }

    private List<Outcome> send(KafkaProducer<String, byte[]> producer, Iterable<DeadLetter> letters) {
        List<Outcome> outcomes = new ArrayList<>();
        producer.beginTransaction();
        try {
            for (DeadLetter letter : letters) {
                // No partition and no timestamp: the key places it as it placed the original, and a fresh
                // timestamp keeps a late replay from being dropped as out-of-window by stream-time operators.
                RecordMetadata copy = producer.send(new ProducerRecord<>(letter.sourceTopic(), null, null,
                        letter.key(), letter.value(), letter.replayHeaders())).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                ReplayEntry entry = new ReplayEntry(letter.replayKey(),
                        copy.topic() + "-" + copy.partition() + "@" + copy.offset(), letter.eventId(),
                        clock.instant().toString());
                producer.send(new ProducerRecord<>(Topics.DEAD_LETTER_REPLAYS, letter.replayKey(), entry.toJson()));
                outcomes.add(new Outcome(Status.REPLAYED, letter.id(), letter, entry));
            }
            producer.commitTransaction();
            return outcomes;
        } catch (ProducerFencedException fenced) {
            throw new IllegalStateException("Another dlt replay started meanwhile and took over; nothing of this run"
                    + " was sent. Run it again: it skips what the other one replayed.", fenced);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort(producer);
            throw new IllegalStateException("Interrupted; nothing was sent", e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            abort(producer);
            throw new IllegalStateException("Replay failed, nothing was sent: "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    private static void abort(KafkaProducer<?, ?> producer) {
        try {
            producer.abortTransaction();
        } catch (KafkaException alreadyBroken) {
            // closing the producer aborts what is still open
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = KafkaClientSettings.forBootstrap(bootstrapServers);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "complaints-dlt-replay");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
