package com.makeitright.intake.status;

import com.makeitright.events.ComplaintContactAdded;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.intake.contacts.OpenCase;
import com.makeitright.intake.contacts.RepeatContactProperties;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.platform.JsonSerde;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The customers' open cases, for matching a new complaint to one (repeat contacts), fed by the status view's stream:
 * a {@code ComplaintReceived} opens a case (a reopened round opens it again), a {@code ComplaintContactAdded} marks
 * the customer's latest contact, and a satisfied follow-up (the view's "closed") forgets it. Store
 * {@code open-cases}: one entry per open case under its customer, so a prefix scan reads one customer's cases, and a
 * reverse entry per case to find it from its complaint id. Bounded: at most {@code max-open-cases-per-customer}
 * per customer and partition (the least recently contacted goes first), and a case with no contact for
 * {@code max-idle} is purged ({@code open-case-purges}: due time + complaint id, re-checked when due).
 */
@Configuration(proxyBeanMethods = false)
class OpenCasesTopology {

    static final String STORE = "open-cases";
    static final String PURGES = "open-case-purges";
    static final byte CASE = 'O';
    static final byte REVERSE = 'C';
    static final Serde<OpenCase> VALUES = JsonSerde.of(OpenCase.class);

    /** What the bean stands for: the processor is on the view's stream. */
    record OpenCasesTracked() {
    }

    @Bean
    OpenCasesTracked openCasesProcessor(StreamsBuilder builder, KStream<String, StatusViewTopology.Incoming> complaintEvents,
                              RepeatContactProperties properties, IntakeProperties intake) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PURGES),
                Serdes.Bytes(), Serdes.ByteArray()));
        complaintEvents.process(() -> new TrackOpenCases(properties, intake.view().purgeEvery().toMillis()),
                STORE, PURGES);
        return new OpenCasesTracked();
    }

    /** Every case of one customer. */
    static Bytes customer(String customerId) {
        byte[] id = customerId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(1 + 4 + id.length).put(CASE).putInt(id.length).put(id).array());
    }

    static Bytes openCase(String customerId, String complaintId) {
        byte[] prefix = customer(customerId).get();
        byte[] id = complaintId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(prefix.length + id.length).put(prefix).put(id).array());
    }

    static Bytes reverse(String complaintId) {
        byte[] id = complaintId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(1 + id.length).put(REVERSE).put(id).array());
    }

    static final class TrackOpenCases implements Processor<String, StatusViewTopology.Incoming, Void, Void> {

        private static final Logger log = LoggerFactory.getLogger(TrackOpenCases.class);

        private final RepeatContactProperties properties;
        private final long purgeEveryMillis;
        private KeyValueStore<Bytes, byte[]> store;
        private KeyValueStore<Bytes, byte[]> purges;

        TrackOpenCases(RepeatContactProperties properties, long purgeEveryMillis) {
            this.properties = properties;
            this.purgeEveryMillis = purgeEveryMillis;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
            purges = context.getStateStore(PURGES);
            context.schedule(java.time.Duration.ofMillis(purgeEveryMillis), PunctuationType.WALL_CLOCK_TIME,
                    this::purgeDue);
        }

        @Override
        public void process(Record<String, StatusViewTopology.Incoming> record) {
            RecordedEvent event = record.value().event();
            if (event.event() instanceof ComplaintReceived received) {
                opened(received);
            } else if (event.event() instanceof ComplaintContactAdded contact) {
                contacted(contact);
            } else if (StatusViewTopology.RecordEvent.closes(event)) {
                forget(event.complaintId());
            }
        }

        private void opened(ComplaintReceived received) {
            OpenCase opened = OpenCase.of(received);
            if (opened == null) {
                return;
            }
            Bytes key = openCase(opened.customerId(), opened.complaintId());
            OpenCase known = read(store.get(key));
            if (known != null) {
                store.put(key, VALUES.serializer().serialize(STORE, known.contactedAt(opened.lastContactAt())));
                return;
            }
            store.put(key, VALUES.serializer().serialize(STORE, opened));
            store.put(reverse(opened.complaintId()), opened.customerId().getBytes(StandardCharsets.UTF_8));
            schedule(opened);
            keepNewest(opened.customerId());
        }

        private void contacted(ComplaintContactAdded contact) {
            byte[] customer = store.get(reverse(contact.getComplaintId()));
            if (customer == null) {
                return; // closed, purged, or its ComplaintReceived not seen: nothing to keep open
            }
            Bytes key = openCase(new String(customer, StandardCharsets.UTF_8), contact.getComplaintId());
            OpenCase known = read(store.get(key));
            if (known != null) {
                store.put(key, VALUES.serializer().serialize(STORE,
                        known.contactedAt(contact.getOccurredAt().toEpochMilli())));
            }
        }

        private void forget(String complaintId) {
            byte[] customer = store.get(reverse(complaintId));
            if (customer != null) {
                store.delete(openCase(new String(customer, StandardCharsets.UTF_8), complaintId));
                store.delete(reverse(complaintId));
            }
        }

        /** Beyond the bound, the least recently contacted cases of the customer are forgotten. */
        private void keepNewest(String customerId) {
            List<OpenCase> cases = new ArrayList<>();
            try (KeyValueIterator<Bytes, byte[]> entries = store.prefixScan(customer(customerId),
                    Serdes.Bytes().serializer())) {
                entries.forEachRemaining(entry -> cases.add(read(entry.value)));
            }
            int excess = cases.size() - properties.maxOpenCasesPerCustomer();
            cases.stream().sorted(Comparator.comparingLong(OpenCase::lastContactAt)).limit(Math.max(0, excess))
                    .forEach(old -> forget(old.complaintId()));
        }

        private void schedule(OpenCase open) {
            purges.put(ViewKeys.purge(open.lastContactAt() + properties.maxIdle().toMillis(), open.complaintId()),
                    new byte[0]);
        }

        void purgeDue(long now) {
            List<Bytes> due = new ArrayList<>();
            try (KeyValueIterator<Bytes, byte[]> scheduled = purges.range(ViewKeys.purgesFromStart(),
                    ViewKeys.purgesAfter(now))) {
                while (scheduled.hasNext() && due.size() < StatusViewTopology.PURGES_PER_RUN) {
                    due.add(scheduled.next().key);
                }
            }
            for (Bytes key : due) {
                purges.delete(key);
                String complaintId = ViewKeys.purgedComplaint(key);
                try {
                    byte[] customer = store.get(reverse(complaintId));
                    if (customer == null) {
                        continue; // closed or dropped already
                    }
                    OpenCase open = read(store.get(openCase(new String(customer, StandardCharsets.UTF_8),
                            complaintId)));
                    if (open == null || open.lastContactAt() + properties.maxIdle().toMillis() <= now) {
                        forget(complaintId);
                    } else {
                        schedule(open); // contacted since: due later
                    }
                } catch (KafkaException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.error("Could not purge open case {}; skipped", complaintId, e);
                }
            }
        }

        private static OpenCase read(byte[] bytes) {
            return VALUES.deserializer().deserialize(STORE, bytes);
        }
    }
}
