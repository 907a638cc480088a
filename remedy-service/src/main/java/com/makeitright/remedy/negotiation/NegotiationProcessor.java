package com.makeitright.remedy.negotiation;

import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyResponded;
import com.makeitright.platform.PunctuatedEntries;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Moves bytes for the {@link Negotiator}: loads a complaint's negotiation from the store, applies one event,
 * saves the result and forwards what it publishes, all inside the stream task's exactly-once transaction. A
 * wall-clock punctuator finds expired open offers through an index ordered by expiry.
 */
final class NegotiationProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    static final String NEGOTIATIONS = "remedy-negotiations";
    /** Key: expiry (epoch millis, zero-padded so keys sort by time) + '|' + complaint id; value: the offer id. */
    static final String EXPIRIES = "remedy-offer-expiries";

    private static final Logger log = LoggerFactory.getLogger(NegotiationProcessor.class);

    private final Negotiator negotiator;
    private final Clock clock;
    private final Duration checkInterval;
    private final NegotiationRetention retention;
    private final PunctuatedEntries expiryEntries = new PunctuatedEntries("remedy-offer-expiries");
    private NegotiationPurge purge;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, Negotiation> negotiations;
    private KeyValueStore<String, String> expiries;

    NegotiationProcessor(Negotiator negotiator, Clock clock, Duration checkInterval, NegotiationRetention retention) {
        this.retention = retention;
        this.negotiator = negotiator;
        this.clock = clock;
        this.checkInterval = checkInterval;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.negotiations = context.getStateStore(NEGOTIATIONS);
        this.expiries = context.getStateStore(EXPIRIES);
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, this::expireDue);
        this.purge = new NegotiationPurge(negotiations, context.getStateStore(NegotiationPurge.PURGES), clock, retention);
        context.schedule(retention.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, ignored -> purge.purgeDue());
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        String complaintId = record.key();
        Negotiation before = negotiations.get(complaintId);
        SpecificRecord event = record.value();
        if (before == null && purge.isStale(event)) {
            log.info("{} of complaint {} is older than the purge grace and its negotiation is no longer kept: ignored",
                    event.getClass().getSimpleName(), complaintId);
            return;
        }
        Negotiator.Step step;
        if (event instanceof ComplaintAcknowledged ack) {
            step = negotiator.acknowledged(before, ack);
        } else if (event instanceof RemedyResponded response) {
            step = negotiator.responded(before, response);
        } else if (event instanceof RemedyApprovalDecided approval) {
            step = negotiator.approvalDecided(before, approval);
        } else if (event instanceof RemedyFulfilled fulfillment) {
            step = negotiator.fulfilled(before, fulfillment);
        } else {
            throw new IllegalArgumentException("remedy does not handle " + event.getClass().getSimpleName());
        }
        // the input's headers go with what it caused: they carry the complaint's trace (TracedRecords)
        apply(complaintId, before, step, event.getClass().getSimpleName(), record.timestamp(), record.headers());
    }

    /**
     * Expiry is judged by the injected clock (the domain's time); the records carry the punctuation's wall-clock
     * time as their Kafka timestamp, which the broker checks against its own clock.
     */
    private void expireDue(long wallClockMillis) {
        String until = expiryKey(clock.millis(), "~");
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = expiries.range(null, until)) {
            it.forEachRemaining(due::add);
        }
        // One offer that cannot be expired (a bug, a bad stored negotiation) is skipped, not retried forever.
        expiryEntries.forEach(due, entry -> "the expiry " + entry.key + " of offer " + entry.value,
                entry -> expire(entry, wallClockMillis), entry -> expiries.delete(entry.key));
    }

    private void expire(KeyValue<String, String> entry, long wallClockMillis) {
        String complaintId = entry.key.substring(entry.key.indexOf('|') + 1);
        Negotiation before = negotiations.get(complaintId);
        Negotiator.Step step = negotiator.expire(before);
        if (step.ignored() != null) {
            if (!entry.key.equals(expiryKey(before, complaintId))) {
                expiries.delete(entry.key); // stale: the offer was answered or replaced since
            }
            return;
        }
        apply(complaintId, before, step, "expiry check", wallClockMillis, new RecordHeaders());
    }

    private void apply(String complaintId, Negotiation before, Negotiator.Step step, String what, long timestamp,
                       Headers headers) {
        if (step.ignored() != null) {
            log.info("{} for complaint {} changes nothing: {}", what, complaintId, step.ignored());
            return;
        }
        Negotiation after = step.state();
        negotiations.put(complaintId, after);
        purge.onSaved(complaintId, before, after);
        String oldKey = expiryKey(before, complaintId);
        String newKey = expiryKey(after, complaintId);
        if (!Objects.equals(oldKey, newKey)) {
            if (oldKey != null) {
                expiries.delete(oldKey);
            }
            if (newKey != null) {
                expiries.put(newKey, after.current().offerId());
            }
        }
        for (SpecificRecord out : step.events()) {
            context.forward(new Record<>(complaintId, out, timestamp, headers));
        }
    }

    private static String expiryKey(Negotiation n, String complaintId) {
        return n == null || n.open() == null ? null : expiryKey(n.open().expiresAt().toEpochMilli(), complaintId);
    }

    private static String expiryKey(long epochMillis, String complaintId) {
        return String.format("%015d|%s", epochMillis, complaintId);
    }
}
