package com.makeitright.intake.status;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.intake.IntakeProperties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

/**
 * The status view's topology: every contract topic a complaint's lifecycle runs through (all but the
 * prevention actions, which are about root causes, and erasures, which are about a customer: the view shows an erased
 * customer's fields as "erased" because their keys are gone, docs/privacy.md) is recorded, one store entry per event
 * (see {@link ViewKeys}), in a persistent, changelogged store. A restarted intake restores the store from its
 * changelog and the topics. Nothing is folded here: {@link ComplaintState} folds at read time, so a better fold
 * needs no migration. Bounded: at most {@code max-events-per-complaint} events per complaint, and a complaint is
 * purged once closed past the grace period, or idle past the retention ({@link ViewHead#purgeAt}).
 */
@Configuration(proxyBeanMethods = false)
class StatusViewTopology {

    static final String STORE = "complaint-view-events";
    static final String PURGES = "complaint-view-purges";
    /** Purges per punctuation at most, so one punctuation stays short; the rest waits for the next. */
    static final int PURGES_PER_RUN = 1_000;

    /** The complaints' own topics: every one whose events name a complaint (customer-keyed topics have none). */
    static final List<Topic<?>> SOURCES = Topics.ALL.stream()
            .filter(topic -> topic != Topics.PREVENTION_ACTIONS && topic.schema().getField("complaintId") != null)
            .toList();

    /** An event as read from its topic: decoded, and its exact bytes to store. */
    record Incoming(RecordedEvent event, byte[] avro) {
    }

    /** Every event the view folds, decoded, with its exact bytes (also read by the open-cases index). */
    @Bean
    KStream<String, Incoming> complaintEvents(StreamsBuilder builder) {
        KStream<String, Incoming> all = null;
        for (Topic<?> topic : SOURCES) {
            KStream<String, Incoming> events = builder.stream(topic.name(), Consumed.with(Serdes.String(), incoming(topic)))
                    .filter((key, event) -> event != null);
            all = all == null ? events : all.merge(events);
        }
        return all;
    }

    /** Folds the events into the view; returns what it tells about each customer's cases, by customer id ({@link CaseActivity}). */
    @Bean
    KStream<String, CaseActivity> caseActivity(StreamsBuilder builder, KStream<String, Incoming> complaintEvents,
                                               UnappliedWrites unapplied, IntakeProperties properties) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PURGES),
                Serdes.Bytes(), Serdes.ByteArray()));
        return complaintEvents.process(() -> new RecordEvent(unapplied, properties.view()), STORE, PURGES);
    }

    /** Decodes with the one shared decoder (undecodable records go to the dead-letter topic) and keeps the bytes. */
    private static Serde<Incoming> incoming(Topic<?> topic) {
        return Serdes.serdeFrom(
                (name, incoming) -> incoming == null ? null : incoming.avro(),
                (name, data) -> data == null ? null : new Incoming(StoredEventsSerde.decode(name, data), data));
    }

    /**
     * Stores each event once per event id, trims the complaint to its bound, and purges what is due. Forwards, keyed
     * by customer id, when a complaint is received, closes and leaves the view ({@link CaseActivity}).
     */
    static final class RecordEvent implements Processor<String, Incoming, String, CaseActivity> {

        private static final Logger log = LoggerFactory.getLogger(RecordEvent.class);

        private final UnappliedWrites unapplied;
        private final IntakeProperties.View bounds;
        private KeyValueStore<Bytes, byte[]> store;
        private KeyValueStore<Bytes, byte[]> purges;
        private ProcessorContext<String, CaseActivity> context;

        RecordEvent(UnappliedWrites unapplied, IntakeProperties.View bounds) {
            this.unapplied = unapplied;
            this.bounds = bounds;
        }

        @Override
        public void init(ProcessorContext<String, CaseActivity> context) {
            this.context = context;
            store = context.getStateStore(STORE);
            purges = context.getStateStore(PURGES);
            context.schedule(bounds.purgeEvery(), PunctuationType.WALL_CLOCK_TIME, this::purgeDue);
        }

        @Override
        public void process(Record<String, Incoming> record) {
            RecordedEvent event = record.value().event();
            String complaintId = event.complaintId();
            String eventId = event.eventId();
            if (store.get(ViewKeys.eventId(complaintId, eventId)) == null) {
                append(complaintId, event, record.value().avro(), Math.max(0, record.timestamp()));
            }
            unapplied.applied(complaintId, eventId);
        }

        private void append(String complaintId, RecordedEvent event, byte[] avro, long at) {
            ViewHead known = ViewHead.decode(store.get(ViewKeys.head(complaintId)));
            ViewHead head = known == null ? ViewHead.EMPTY : known;
            long sequence = head.nextSequence();
            store.put(ViewKeys.event(complaintId, sequence), StoredEventsSerde.entry(event.topic().name(),
                    event.eventId(), avro));
            store.put(ViewKeys.eventId(complaintId, event.eventId()), ViewKeys.sequence(sequence));

            long keep = head.keepSequence();
            int keepRound = head.keepRound();
            int round = head.round();
            long closedAt = head.closedAt();
            if (event.event() instanceof ComplaintReceived received) {
                if (keep < 0 || received.getRound() < keepRound) {
                    keep = sequence;
                    keepRound = received.getRound();
                }
                if (received.getRound() > round) {
                    round = received.getRound();
                    closedAt = 0; // a new round reopens the case
                }
            }
            boolean closes = closedAt == 0 && closes(event);
            if (closes) {
                closedAt = Math.max(1, at);
            }
            if (event.event() instanceof ComplaintReceived received) {
                tell(received.getCustomer().getId(), CaseActivity.Kind.OPENED, complaintId, at);
            } else if (closes) {
                tell(customerOf(complaintId, keep), CaseActivity.Kind.CLOSED, complaintId, at);
            }
            ViewHead updated = trim(complaintId, new ViewHead(sequence + 1, head.count() + 1, head.trimFrom(), keep,
                    keepRound, round, Math.max(head.lastEventAt(), at), closedAt));
            store.put(ViewKeys.head(complaintId), updated.encode());
            if (known == null || closes) {
                // one schedule entry when the complaint appears and one when it closes; later events move the
                // due time lazily (purgeDue re-schedules from the head)
                purges.put(ViewKeys.purge(updated.purgeAt(bounds.closedGrace(), bounds.idleRetention()), complaintId),
                        new byte[0]);
            }
        }

        /** A satisfied follow-up closes the case (the same rule as {@link ComplaintState}'s stage CLOSED). */
        static boolean closes(RecordedEvent event) {
            return event.event() instanceof FollowUpCompleted completed && completed.getSatisfied()
                    && !completed.getReopened();
        }

        /** Drops the oldest events beyond the bound, never the first round's ComplaintReceived. */
        private ViewHead trim(String complaintId, ViewHead head) {
            int count = head.count();
            long from = head.trimFrom();
            while (count > bounds.maxEventsPerComplaint() && from < head.nextSequence()) {
                long sequence = from++;
                if (sequence == head.keepSequence()) {
                    continue;
                }
                Bytes key = ViewKeys.event(complaintId, sequence);
                byte[] entry = store.get(key);
                if (entry != null) {
                    store.delete(key);
                    store.delete(ViewKeys.eventId(complaintId, StoredEventsSerde.eventIdOf(entry)));
                    count--;
                }
            }
            return new ViewHead(head.nextSequence(), count, from, head.keepSequence(), head.keepRound(), head.round(),
                    head.lastEventAt(), head.closedAt());
        }

        void purgeDue(long now) {
            List<Bytes> due = new ArrayList<>();
            try (KeyValueIterator<Bytes, byte[]> scheduled = purges.range(ViewKeys.purgesFromStart(),
                    ViewKeys.purgesAfter(now))) {
                while (scheduled.hasNext() && due.size() < PURGES_PER_RUN) {
                    due.add(scheduled.next().key);
                }
            }
            int purged = 0;
            for (Bytes key : due) {
                String complaintId = ViewKeys.purgedComplaint(key);
                purges.delete(key);
                try {
                    ViewHead head = ViewHead.decode(store.get(ViewKeys.head(complaintId)));
                    if (head == null) {
                        continue;
                    }
                    long at = head.purgeAt(bounds.closedGrace(), bounds.idleRetention());
                    if (at <= now) {
                        purge(complaintId, now);
                        purged++;
                    } else {
                        purges.put(ViewKeys.purge(at, complaintId), new byte[0]);
                    }
                } catch (KafkaException e) {
                    throw e; // the store or the task failed: Streams handles it (a punctuation is retried)
                } catch (RuntimeException e) {
                    // a bad head (cannot happen short of corruption): skip it rather than fail every punctuation
                    log.error("Could not purge complaint {} from the status view; skipped", complaintId, e);
                }
            }
            if (purged > 0) {
                log.info("Purged {} complaints from the status view (closed past {} or idle past {})", purged,
                        bounds.closedGrace(), bounds.idleRetention());
            }
        }

        private void tell(String customerId, CaseActivity.Kind kind, String complaintId, long at) {
            if (customerId != null) {
                context.forward(new Record<>(customerId, new CaseActivity(kind, complaintId, at), at));
            }
        }

        /** The customer of the complaint, from its kept ComplaintReceived; null when the view has none. */
        private String customerOf(String complaintId, long keepSequence) {
            if (keepSequence < 0) {
                return null;
            }
            byte[] entry = store.get(ViewKeys.event(complaintId, keepSequence));
            return entry != null && StoredEventsSerde.readEntry(entry).event() instanceof ComplaintReceived received
                    ? received.getCustomer().getId() : null;
        }

        private void purge(String complaintId, long now) {
            ViewHead head = ViewHead.decode(store.get(ViewKeys.head(complaintId)));
            if (head != null && head.closedAt() == 0) {
                // an open case leaves intake's knowledge (idle): for the retention of personal data it ends now (a
                // closed one ended when it closed)
                tell(customerOf(complaintId, head.keepSequence()), CaseActivity.Kind.GONE, complaintId, now);
            }
            List<Bytes> keys = new ArrayList<>();
            try (KeyValueIterator<Bytes, byte[]> entries = store.prefixScan(ViewKeys.complaint(complaintId),
                    Serdes.Bytes().serializer())) {
                entries.forEachRemaining(entry -> keys.add(entry.key));
            }
            keys.forEach(store::delete);
        }
    }
}
