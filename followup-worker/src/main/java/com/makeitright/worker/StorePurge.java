package com.makeitright.worker;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The worker's purge of one store: what has expired goes, at most a batch per run, so a run stays bounded. */
public final class StorePurge {

    private StorePurge() {
    }

    public static <V> void purge(KeyValueStore<String, V> store, int batch, Predicate<V> expired) {
        List<String> doomed = new ArrayList<>();
        try (KeyValueIterator<String, V> entries = store.all()) {
            while (entries.hasNext() && doomed.size() < batch) {
                KeyValue<String, V> entry = entries.next();
                if (entry.value == null || expired.test(entry.value)) {
                    doomed.add(entry.key);
                }
            }
        }
        doomed.forEach(store::delete);
    }
}
