package com.makeitright.followup.prevention;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * A key-value store over a sorted map that counts what a processor reads: the entries its iterators return and
 * the deletes. String keys are ASCII here, so the map's order is the byte order of Kafka's stores. Iterators are
 * lazy views, so the store adds no per-range cost of its own to what the processor reads.
 */
final class CountingStore<V> implements KeyValueStore<String, V> {

    private final String name;
    private final TreeMap<String, V> entries = new TreeMap<>();
    long iterated;
    long deleted;

    CountingStore(String name) {
        this.name = name;
    }

    /** The entries, in key order. */
    NavigableMap<String, V> contents() {
        return entries;
    }

    @Override
    public void put(String key, V value) {
        if (value == null) {
            delete(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V old = entries.get(key);
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> list) {
        list.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(String key) {
        deleted++;
        return entries.remove(key);
    }

    @Override
    public V get(String key) {
        return entries.get(key);
    }

    /** Both bounds inclusive, and empty when from sorts after to, as Kafka's stores do. */
    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        if (from.compareTo(to) > 0) {
            return counting(Map.<String, V>of().entrySet().iterator());
        }
        return counting(entries.subMap(from, true, to, true).entrySet().iterator());
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        if (from.compareTo(to) > 0) {
            return counting(Map.<String, V>of().entrySet().iterator());
        }
        return counting(entries.subMap(from, true, to, true).descendingMap().entrySet().iterator());
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return counting(entries.entrySet().iterator());
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        return counting(entries.descendingMap().entrySet().iterator());
    }

    @Override
    public long approximateNumEntries() {
        return entries.size();
    }

    private KeyValueIterator<String, V> counting(Iterator<Map.Entry<String, V>> iterator) {
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public KeyValue<String, V> next() {
                if (!iterator.hasNext()) {
                    throw new NoSuchElementException();
                }
                Map.Entry<String, V> entry = iterator.next();
                iterated++;
                return KeyValue.pair(entry.getKey(), entry.getValue());
            }

            @Override
            public String peekNextKey() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return true;
    }
}
