package com.makeitright.intake.submission;

import com.makeitright.contract.Topic;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Idempotency keys whose last publication ended without knowing whether the broker has the event: the send timed
 * out (the broker may have appended it and lost only the acknowledgement, e.g. a leader that died in between) or the
 * work was cut off mid-send. A retry of such a key first waits until that send ended (the producer had the broker's
 * answer or gave up: an acknowledgement may come after the request's timeout) and the view caught up with the
 * event's partition ({@code ViewCatchUp}), and only then decides, so it finds the first event instead of publishing a
 * copy. Drill run N published two copies of one event: the retry read the partition's end while the first send
 * was still going on, during a broker restart, and its event became visible only after.
 * <p>
 * Bounded: at most {@code maxKeys} (the oldest is forgotten first) and each for {@code ttl} ({@link RecentKeys}). A
 * forgotten key's retry is decided as before this class: by the view and the overlay alone, which may publish an
 * exact copy (same event id) that every reader drops. Known per instance only: a retry that reaches another instance
 * is decided there the same way.
 */
final class InDoubtKeys {

    /**
     * Where the event in doubt would be: the topic and its record key; and the send, which ends within the producer's
     * delivery timeout (an already ended one when unknown).
     */
    record Doubt(Topic<?> topic, String recordKey, CompletableFuture<?> attempt) {
    }

    private final RecentKeys<Doubt> keys;

    InDoubtKeys(int maxKeys, Duration ttl, LongSupplier nanoTime) {
        this.keys = new RecentKeys<>(maxKeys, ttl, nanoTime);
    }

    void add(String key, Topic<?> topic, String recordKey, CompletableFuture<?> attempt) {
        keys.put(key, new Doubt(topic, recordKey, attempt));
    }

    /** The doubt about this key, or null when its last publication's outcome is known (or was forgotten). */
    Doubt get(String key) {
        return keys.get(key);
    }

    void resolved(String key) {
        keys.remove(key);
    }

    int size() {
        return keys.size();
    }
}
