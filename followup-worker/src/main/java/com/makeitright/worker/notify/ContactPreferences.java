package com.makeitright.worker.notify;

import com.makeitright.contract.Topics;
import com.makeitright.events.ContactPreference;
import com.makeitright.events.ContactPreferenceChanged;
import com.makeitright.platform.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.time.Instant;

/**
 * The customers marked do-not-contact, as a global state store read from the compacted
 * {@code customers.contact-preferences} (writer: intake), keyed by customer id: a customer's entry is there while
 * their latest {@code ContactPreferenceChanged} says {@code DO_NOT_CONTACT} and deleted when it says
 * {@code CONTACT_ALLOWED}. Global, because the topic is keyed by customer and the mail processor's tasks by
 * complaint: every task needs every customer. Bounded: one small entry (when, why) per customer marked now; a lift
 * deletes it. A global store is its own changelog: it is rebuilt from the topic through {@link Keep} on restore.
 * <p>
 * A preference takes effect once the worker's global thread has read it (normally within milliseconds of intake's
 * write); a message processed in that moment still goes.
 */
final class ContactPreferences {

    /** Customer id → {@link DoNotContact}, for customers marked do-not-contact only. */
    static final String STORE = WorkerStores.CONTACT_PREFERENCES;

    /** Why and since when a customer is marked (no personal data: the reason is a code). */
    record DoNotContact(Instant since, String reason) {
    }

    private ContactPreferences() {
    }

    static void addTo(StreamsBuilder builder) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        JsonSerde.of(DoNotContact.class)).withLoggingDisabled(),
                Topics.CONTACT_PREFERENCES.name(),
                // an undecodable record goes to the topic's dead-letter topic (the platform's handler)
                Consumed.with(Serdes.String(), Topics.CONTACT_PREFERENCES.serde()),
                Keep::new);
    }

    /** Whether the customer may not be written to; a card without a customer id (stored before ids) may. */
    static boolean doNotContact(ReadOnlyKeyValueStore<String, DoNotContact> store, String customerId) {
        return customerId != null && store.get(customerId) != null;
    }

    /** Applies the topic to the store: a mark is put, a lift (or a tombstone) deletes it. */
    private static final class Keep implements Processor<String, ContactPreferenceChanged, Void, Void> {

        private KeyValueStore<String, DoNotContact> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, ContactPreferenceChanged> record) {
            if (record.key() == null) {
                return;
            }
            ContactPreferenceChanged changed = record.value();
            if (changed == null || changed.getPreference() == ContactPreference.CONTACT_ALLOWED) {
                store.delete(record.key());
            } else {
                store.put(record.key(), new DoNotContact(changed.getOccurredAt(), changed.getReason().name()));
            }
        }
    }
}
