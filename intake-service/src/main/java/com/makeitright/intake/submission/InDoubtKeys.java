package com.makeitright.intake.submission;

import com.makeitright.contract.Topic;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Idempotency keys whose last publication ended without knowing whether the broker has the event: the send timed
 * out (the broker may have appended it and lost only the acknowledgement, e.g. a leader that died in between) or the
 * work was cut off mid-send. A retry of such a key first waits until the view caught up with the event's partition
 * ({@code ViewCatchUp}) and only then decides, so it finds the first event instead of publishing a copy.
 * <p>
 * Bounded: at most {@code maxKeys} (the oldest is forgotten first) and each for {@code ttl}. A forgotten key's
 * retry is decided as before this class: by the view and the overlay alone, which may publish an exact copy (same
 * event id) that every reader drops. Known per instance only: a retry that reaches another instance is decided
 * there the same way.
 */
final class InDoubtKeys {

    /** Where the event in doubt would be: the topic and its record key. */
    record Doubt(Topic<?> topic, String recordKey, long sinceNanos) {
    }

    private final int maxKeys;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<String, Doubt> keys = new LinkedHashMap<>();

    InDoubtKeys(int maxKeys, Duration ttl, LongSupplier nanoTime) {
        this.maxKeys = maxKeys;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    synchronized void add(String key, Topic<?> topic, String recordKey) {
        keys.remove(key);
        keys.put(key, new Doubt(topic, recordKey, nanoTime.getAsLong()));
        while (keys.size() > maxKeys) {
            keys.remove(keys.keySet().iterator().next());
        }
    }

    /** The doubt about this key, or null when its last publication's outcome is known (or was forgotten). */
    synchronized Doubt get(String key) {
        expire();
        return keys.get(key);
    }

    synchronized void resolved(String key) {
        keys.remove(key);
    }

    synchronized int size() {
        expire();
        return keys.size();
    }

    private void expire() {
        long now = nanoTime.getAsLong();
        for (Iterator<Map.Entry<String, Doubt>> oldest = keys.entrySet().iterator(); oldest.hasNext(); ) {
            if (now - oldest.next().getValue().sinceNanos() < ttlNanos) {
                return;
            }
            oldest.remove();
        }
    }
}
