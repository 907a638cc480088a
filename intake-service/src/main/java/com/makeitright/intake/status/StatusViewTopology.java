package com.makeitright.intake.status;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

/**
 * The status view's topology: every contract topic a complaint's lifecycle runs through (all but the
 * prevention actions, which are about root causes, not one complaint) is appended, per complaint id, to a
 * persistent, changelogged store. A restarted intake restores the store from its changelog and the topics.
 * Nothing is folded here: {@link ComplaintState} folds at read time, so a better fold needs no migration.
 */
@Configuration(proxyBeanMethods = false)
class StatusViewTopology {

    static final String STORE = "complaint-events";

    static final List<Topic<?>> SOURCES = Topics.ALL.stream()
            .filter(topic -> topic != Topics.PREVENTION_ACTIONS).toList();

    @Bean
    KStream<String, RecordedEvent> complaintEvents(StreamsBuilder builder, ViewUpdates updates) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
                Serdes.String(), new StoredEventsSerde()));
        KStream<String, RecordedEvent> all = null;
        for (Topic<?> topic : SOURCES) {
            KStream<String, RecordedEvent> events = recorded(builder, topic);
            all = all == null ? events : all.merge(events);
        }
        all.process(() -> new AppendToHistory(updates), STORE);
        return all;
    }

    private static <T extends SpecificRecord> KStream<String, RecordedEvent> recorded(StreamsBuilder builder,
                                                                                      Topic<T> topic) {
        return builder.stream(topic.name(), Consumed.with(Serdes.String(), topic.serde()))
                .filter((key, event) -> event != null)
                .mapValues(event -> new RecordedEvent(topic, event));
    }

    /** Appends each event to its complaint's history, once per event id. */
    static final class AppendToHistory implements Processor<String, RecordedEvent, Void, Void> {

        private final ViewUpdates updates;
        private KeyValueStore<String, List<RecordedEvent>> store;

        AppendToHistory(ViewUpdates updates) {
            this.updates = updates;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, RecordedEvent> record) {
            RecordedEvent event = record.value();
            String complaintId = event.complaintId();
            List<RecordedEvent> stored = store.get(complaintId);
            List<RecordedEvent> history = stored == null ? new ArrayList<>() : new ArrayList<>(stored);
            if (history.stream().noneMatch(known -> known.eventId().equals(event.eventId()))) {
                history.add(event);
                store.put(complaintId, history);
            }
            updates.applied(event.eventId());
        }
    }
}
