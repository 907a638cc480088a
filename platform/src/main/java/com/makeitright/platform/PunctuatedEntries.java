package com.makeitright.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A wall-clock punctuator's work, one entry at a time, so that one bad entry cannot stop the rest. Why: a punctuation
 * has no input record, so an exception there is never dead-lettered; it fails the stream thread, which
 * {@code REPLACE_THREAD} replaces, which runs the same punctuation on the same entry again, forever (and under
 * exactly-once each round aborts the transaction and restores the task's state). Here an entry whose work throws is
 * logged, counted ({@value #FAILURES}, tagged with the punctuator) and skipped, and the punctuation goes on; the
 * caller takes the entry off its index first, so a skipped entry is not tried again on every punctuation.
 * <p>
 * A {@link KafkaException} is not the entry's fault (a store, the producer or the task failed: fenced, migrated,
 * closing): it is rethrown for Kafka Streams to handle as it handles any such failure.
 */
public final class PunctuatedEntries {

    /** Entries a punctuator skipped because their work failed. */
    public static final String FAILURES = "makeitright.punctuation.failures";

    private static final Logger log = LoggerFactory.getLogger(PunctuatedEntries.class);

    private final String punctuator;
    private final Counter failures;

    /** Counted in Micrometer's global registry, which Spring Boot wires to the application's. */
    public PunctuatedEntries(String punctuator) {
        this(punctuator, Metrics.globalRegistry);
    }

    public PunctuatedEntries(String punctuator, MeterRegistry meters) {
        this.punctuator = punctuator;
        this.failures = Counter.builder(FAILURES).tag("processor", punctuator)
                .description("Entries a wall-clock punctuator skipped because their work failed").register(meters);
    }

    /**
     * Runs {@code work} for each entry in order; returns how many completed.
     *
     * @param describe names an entry in the log (e.g. the complaint id), so an operator can find it
     */
    public <T> int forEach(Iterable<T> entries, Function<? super T, String> describe, Consumer<? super T> work) {
        return forEach(entries, describe, work, entry -> { });
    }

    /**
     * As {@link #forEach(Iterable, Function, Consumer)}, and {@code skip} runs for an entry whose work failed (e.g. to
     * take it off the index it came from, when the work normally does that itself).
     */
    public <T> int forEach(Iterable<T> entries, Function<? super T, String> describe, Consumer<? super T> work,
                           Consumer<? super T> skip) {
        int done = 0;
        for (T entry : entries) {
            try {
                work.accept(entry);
                done++;
            } catch (KafkaException streamsOwnsIt) {
                throw streamsOwnsIt;
            } catch (RuntimeException e) {
                failures.increment();
                log.error("{}: could not handle {}; skipped it, the punctuation goes on", punctuator,
                        safely(describe, entry), e);
                skip.accept(entry);
            }
        }
        return done;
    }

    /** How many entries were skipped so far (tests, diagnostics). */
    public double failures() {
        return failures.count();
    }

    private static <T> String safely(Function<? super T, String> describe, T entry) {
        try {
            return describe.apply(entry);
        } catch (RuntimeException e) {
            return String.valueOf(entry);
        }
    }
}
