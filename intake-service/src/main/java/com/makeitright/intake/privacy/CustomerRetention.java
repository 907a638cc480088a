package com.makeitright.intake.privacy;

import com.makeitright.contract.Topics;
import com.makeitright.events.CustomerErased;
import com.makeitright.events.ErasureReason;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.intake.status.CaseActivity;
import com.makeitright.platform.privacy.CustomerDataKeys;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The retention of closed cases' personal data (docs/privacy.md): once none of a customer's complaints is open and
 * the last one closed (or left the status view) {@code makeitright.intake.personal-data.retention} ago, every data key
 * of the customer is tombstoned and {@code CustomerErased} (reason RETENTION) published, in the stream's exactly-once
 * transaction: the same erasure as a supervisor's request. Fed by the status view's {@link CaseActivity}, repartitioned
 * by customer id.
 * <p>
 * Bounded: {@link #CASES} holds one entry per customer with a complaint in the view or waiting for expiry (at most
 * {@link #MAX_OPEN} open complaint ids each), deleted when the customer expires; {@link #EXPIRIES} one entry per
 * customer waiting, deleted when it fires. Expiries run at most {@link #EXPIRIES_PER_RUN} per punctuation.
 */
final class CustomerRetention implements Processor<String, CaseActivity, String, CustomerRetention.Out> {

    static final String CASES = "customer-cases";
    static final String EXPIRIES = "customer-expiries";
    static final int MAX_OPEN = 64;
    static final int EXPIRIES_PER_RUN = 1_000;
    private static final Logger log = LoggerFactory.getLogger(CustomerRetention.class);

    /** One record to write: a tombstone on the data keys' topic, or the CustomerErased event. */
    record Out(String topic, byte[] value) {
    }

    private final IntakeProperties.PersonalData settings;
    private ProcessorContext<String, Out> context;
    private KeyValueStore<String, String> cases;
    private KeyValueStore<String, String> expiries;
    private ReadOnlyKeyValueStore<String, byte[]> dataKeys;

    CustomerRetention(IntakeProperties.PersonalData settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Out> context) {
        this.context = context;
        cases = context.getStateStore(CASES);
        expiries = context.getStateStore(EXPIRIES);
        dataKeys = context.getStateStore(CustomerDataKeys.STORE);
        context.schedule(settings.checkEvery(), PunctuationType.WALL_CLOCK_TIME, this::expireDue);
    }

    @Override
    public void process(Record<String, CaseActivity> record) {
        String customerId = record.key();
        CaseActivity activity = record.value();
        if (customerId == null || activity == null) {
            return;
        }
        Cases known = Cases.decode(cases.get(customerId));
        Cases updated = activity.kind() == CaseActivity.Kind.OPENED
                ? known.opened(activity.complaintId())
                : known.ended(activity.complaintId(), activity.at());
        cases.put(customerId, updated.encode());
        if (updated.open().isEmpty() && updated.lastEndedAt() > 0) {
            // one entry per customer's due time; a later one (another case ended) replaces nothing: both fire, the
            // earlier finds the customer not due yet and leaves it to the later
            expiries.put(expiryKey(updated.lastEndedAt() + settings.retention().toMillis(), customerId), "");
        }
    }

    void expireDue(long now) {
        List<String> due = new ArrayList<>();
        String until = expiryKey(now, "\uffff");
        try (KeyValueIterator<String, String> all = expiries.all()) {
            while (all.hasNext() && due.size() < EXPIRIES_PER_RUN) {
                String key = all.next().key;
                if (key.compareTo(until) > 0) {
                    break;
                }
                due.add(key);
            }
        }
        for (String key : due) {
            expiries.delete(key);
            String customerId = key.substring(key.indexOf('|') + 1);
            Cases known = Cases.decode(cases.get(customerId));
            if (!known.open().isEmpty() || known.lastEndedAt() == 0
                    || known.lastEndedAt() + settings.retention().toMillis() > now) {
                continue; // a case is open again, or a later one ended: its own entry decides
            }
            cases.delete(customerId);
            erase(customerId, now);
        }
    }

    private void erase(String customerId, long now) {
        List<String> keys = CustomerDataKeys.keysOf(dataKeys, customerId);
        if (keys.isEmpty()) {
            return; // erased on request already, or never sealed anything
        }
        keys.forEach(key -> context.forward(new Record<>(key, new Out(Topics.CUSTOMER_DATA_KEYS, null), now)));
        CustomerErased event = CustomerErased.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setCustomerId(customerId)
                .setOccurredAt(java.time.Instant.ofEpochMilli(now))
                .setReason(ErasureReason.RETENTION)
                .setErasedBy("retention")
                .setKeysErased(keys.size())
                .build();
        context.forward(new Record<>(customerId, new Out(Topics.CUSTOMERS_ERASED.name(),
                Topics.CUSTOMERS_ERASED.serde().serializer().serialize(Topics.CUSTOMERS_ERASED.name(), event)), now));
        log.info("Erased the personal data of a customer whose last case ended {} ago ({} keys)",
                settings.retention(), keys.size());
    }

    /** Sorts by due time: zero-padded milliseconds, then the customer id. */
    static String expiryKey(long at, String customerId) {
        return String.format("%015d|%s", Math.max(0, at), customerId);
    }

    /** A customer's open complaints (at most {@link #MAX_OPEN}, the eldest forgotten) and when the last one ended. */
    record Cases(Set<String> open, long lastEndedAt) {

        static Cases decode(String value) {
            if (value == null || value.isEmpty()) {
                return new Cases(Set.of(), 0);
            }
            String[] parts = value.split(";", 2);
            Set<String> open = new LinkedHashSet<>();
            if (parts.length > 1 && !parts[1].isEmpty()) {
                open.addAll(List.of(parts[1].split(",")));
            }
            return new Cases(open, Long.parseLong(parts[0]));
        }

        String encode() {
            return lastEndedAt + ";" + String.join(",", open);
        }

        Cases opened(String complaintId) {
            Set<String> now = new LinkedHashSet<>(open);
            now.add(complaintId);
            while (now.size() > MAX_OPEN) {
                now.remove(now.iterator().next());
            }
            return new Cases(now, lastEndedAt);
        }

        Cases ended(String complaintId, long at) {
            Set<String> now = new LinkedHashSet<>(open);
            now.remove(complaintId);
            return new Cases(now, Math.max(lastEndedAt, at));
        }
    }

    /** The retention's part of intake's topology. */
    @Configuration(proxyBeanMethods = false)
    static class Topology {

        private static final Serde<Out> OUT = Serdes.serdeFrom(
                (topic, out) -> out == null ? null : out.value(),
                (topic, bytes) -> {
                    throw new UnsupportedOperationException("written only");
                });

        @Bean
        Object customerRetention(StreamsBuilder builder, KStream<String, CaseActivity> complaintEvents,
                                 IntakeProperties properties) {
            // the data keys' global store, added by CustomerKeys.Topology, is readable from any processor
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASES),
                    Serdes.String(), Serdes.String()));
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EXPIRIES),
                    Serdes.String(), Serdes.String()));
            complaintEvents
                    .repartition(Repartitioned.with(Serdes.String(), CaseActivity.SERDE).withName("customer-cases"))
                    .process(() -> new CustomerRetention(properties.personalData()), CASES, EXPIRIES)
                    .to((key, out, context) -> out.topic(), Produced.with(Serdes.String(), OUT));
            return CASES;
        }
    }
}
