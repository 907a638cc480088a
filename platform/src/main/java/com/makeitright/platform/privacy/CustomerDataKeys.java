package com.makeitright.platform.privacy;

import com.makeitright.contract.Topics;
import com.makeitright.platform.instances.PrefixReads;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The customers' wrapped data keys as a global state store of a service's Kafka Streams application, read from the
 * compacted topic {@code customers.data-keys} (writer: intake), keyed by {@code <customerId>|<keyId>}. A customer
 * usually has one key; two intake instances creating a first key for the same customer at once leave two, and both
 * stay readable because every sealed value names its key (a single key per customer id would let the last write win
 * and make the other instance's data unreadable). Erasure tombstones every key of the customer ({@link #keysOf}).
 * Bounded: one fixed-size value (61 bytes) per key, about one key per customer with personal data; erasure and
 * retention delete entries (a tombstone on the topic removes the entry here).
 * A processor reads it with {@code context.getStateStore(CustomerDataKeys.STORE)}, anything else with an
 * interactive query of that name.
 */
public final class CustomerDataKeys {

    public static final String STORE = "customer-data-keys";

    private static final char SEPARATOR = '|';

    private CustomerDataKeys() {
    }

    /** The record key of one of the customer's data keys. */
    public static String recordKey(String customerId, String keyId) {
        return customerId + SEPARATOR + keyId;
    }

    /**
     * The wrapped key that opens these sealed bytes of the customer: the one their key id names, or, for bytes sealed
     * before key ids, the one stored under the bare customer id. Null when it is gone (erased) or was never there.
     */
    public static byte[] keyFor(ReadOnlyKeyValueStore<String, byte[]> store, String customerId, byte[] sealed) {
        String keyId = PersonalData.keyIdOf(sealed);
        return store.get(keyId == null ? customerId : recordKey(customerId, keyId));
    }

    /**
     * Every record key holding a data key of the customer (to tombstone them all), in key order. The key id has a
     * fixed length, so another customer whose id merely starts with this one's and a '|' is never included.
     */
    public static List<String> keysOf(ReadOnlyKeyValueStore<String, byte[]> store, String customerId) {
        List<String> keys = new ArrayList<>();
        if (store.get(customerId) != null) {
            keys.add(customerId); // sealed before key ids
        }
        String prefix = customerId + SEPARATOR;
        try (KeyValueIterator<String, byte[]> all = PrefixReads.of(store, prefix)) {
            all.forEachRemaining(entry -> {
                if (entry.key.length() == prefix.length() + PersonalData.KEY_ID_LENGTH) {
                    keys.add(entry.key);
                }
            });
        }
        return keys;
    }

    /** Any one key of the customer to seal new fields with, as {@code keyId → wrapped key}; null when none. */
    public static Map.Entry<String, byte[]> anyKeyOf(ReadOnlyKeyValueStore<String, byte[]> store, String customerId) {
        String prefix = customerId + SEPARATOR;
        try (KeyValueIterator<String, byte[]> all = PrefixReads.of(store, prefix)) {
            while (all.hasNext()) {
                var entry = all.next();
                if (entry.key.length() == prefix.length() + PersonalData.KEY_ID_LENGTH) {
                    return Map.entry(entry.key.substring(prefix.length()), entry.value);
                }
            }
        }
        return null;
    }

    /** Adds the global store to the topology (a global store is its own changelog: no extra topic). */
    public static void addTo(StreamsBuilder builder) {
        addTo(builder, key -> { });
    }

    /** As {@link #addTo(StreamsBuilder)}, telling {@code onStored} each record key once the store holds its key. */
    public static void addTo(StreamsBuilder builder, Consumer<String> onStored) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                Topics.CUSTOMER_DATA_KEYS,
                Consumed.with(Serdes.String(), Serdes.ByteArray()),
                () -> new Keep(onStored));
    }

    /** Applies the topic to the store: a key is put, a tombstone deletes it. */
    private static final class Keep implements Processor<String, byte[], Void, Void> {

        private final Consumer<String> onStored;
        private KeyValueStore<String, byte[]> store;

        Keep(Consumer<String> onStored) {
            this.onStored = onStored;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
                onStored.accept(record.key());
            }
        }
    }
}
