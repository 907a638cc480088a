package com.makeitright.intake.common;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Something this instance remembers about recent keys (Idempotency-Keys, complaint ids), for their retries. Bounded:
 * at most {@code maxKeys} (the oldest is forgotten first), each for {@code ttl}. A forgotten key's retry is decided
 * without it. Known per instance only.
 */
public final class RecentKeys<V> {

    private record Remembered<V>(V value, long sinceNanos) {
    }

    private final int maxKeys;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<String, Remembered<V>> keys = new LinkedHashMap<>();

    public RecentKeys(int maxKeys, Duration ttl, LongSupplier nanoTime) {
        this.maxKeys = maxKeys;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    public synchronized void put(String key, V value) {
        keys.remove(key);
        keys.put(key, new Remembered<>(value, nanoTime.getAsLong()));
        while (keys.size() > maxKeys) {
            keys.remove(keys.keySet().iterator().next());
        }
    }

    /** What is remembered about this key, or null. */
    public synchronized V get(String key) {
        expire();
        Remembered<V> remembered = keys.get(key);
        return remembered == null ? null : remembered.value();
    }

    public synchronized void remove(String key) {
        keys.remove(key);
    }

    public synchronized int size() {
        expire();
        return keys.size();
    }

    private void expire() {
        long now = nanoTime.getAsLong();
        for (Iterator<Map.Entry<String, Remembered<V>>> oldest = keys.entrySet().iterator(); oldest.hasNext(); ) {
            if (now - oldest.next().getValue().sinceNanos() < ttlNanos) {
                return;
            }
            oldest.remove();
        }
    }
}
