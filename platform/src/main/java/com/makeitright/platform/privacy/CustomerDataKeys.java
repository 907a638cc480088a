package com.makeitright.platform.privacy;

import com.makeitright.contract.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The customers' wrapped data keys as a global state store of a service's Kafka Streams application, read from the
 * compacted topic {@code customers.data-keys} (writer: intake). Bounded: one fixed-size value (61 bytes) per
 * customer with a key; erasure and retention delete entries (a tombstone on the topic removes the entry here).
 * A processor reads it with {@code context.getStateStore(CustomerDataKeys.STORE)}, anything else with an
 * interactive query of that name.
 */
public final class CustomerDataKeys {

    public static final String STORE = "customer-data-keys";

    private CustomerDataKeys() {
    }

    /** Adds the global store to the topology (a global store is its own changelog: no extra topic). */
    public static void addTo(StreamsBuilder builder) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                Topics.CUSTOMER_DATA_KEYS,
                Consumed.with(Serdes.String(), Serdes.ByteArray()),
                Keep::new);
    }

    /** Applies the topic to the store: a key is put, a tombstone deletes it. */
    private static final class Keep implements Processor<String, byte[], Void, Void> {

        private KeyValueStore<String, byte[]> store;

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
            }
        }
    }
}
