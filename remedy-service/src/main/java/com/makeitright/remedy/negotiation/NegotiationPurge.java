package com.makeitright.remedy.negotiation;

import com.makeitright.platform.PunctuatedEntries;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops a negotiation {@link NegotiationRetention#grace()} after its round was resolved, through an index in purge
 * order ({@value #PURGES}: {@code <purgeAt millis, 15 digits>|<complaint id>} → the resolved round), in bounded
 * batches from a wall-clock punctuator. An entry whose complaint started a newer round since is skipped (the new
 * round's resolution indexes it again). A failing entry is logged, counted and skipped.
 */
final class NegotiationPurge {

    static final String PURGES = "remedy-negotiation-purges";


    private final KeyValueStore<String, Negotiation> negotiations;
    private final KeyValueStore<String, String> purges;
    private final Clock clock;
    private final NegotiationRetention retention;
    private final PunctuatedEntries entries = new PunctuatedEntries("remedy-negotiation-purge");

    NegotiationPurge(KeyValueStore<String, Negotiation> negotiations, KeyValueStore<String, String> purges, Clock clock,
                     NegotiationRetention retention) {
        this.negotiations = negotiations;
        this.purges = purges;
        this.clock = clock;
        this.retention = retention;
    }

    /** Indexes a negotiation for purging when its round has just been resolved. */
    void onSaved(String complaintId, Negotiation before, Negotiation after) {
        boolean justResolved = after.resolved() && (before == null || !before.resolved()
                || before.situation().round() != after.situation().round());
        if (justResolved) {
            purges.put(key(clock.instant().plus(retention.grace()).toEpochMilli(), complaintId),
                    String.valueOf(after.situation().round()));
        }
    }

    /** An event older than the grace: for an unknown complaint, a late copy of a purged negotiation's round. */
    boolean isStale(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField("occurredAt");
        return field != null && event.get(field.pos()) instanceof Instant occurredAt
                && occurredAt.isBefore(clock.instant().minus(retention.grace()));
    }

    void purgeDue() {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = purges.range(null, key(clock.millis(), "~"))) {
            while (it.hasNext() && due.size() < retention.purgeBatch()) {
                due.add(it.next());
            }
        }
        entries.forEach(due, entry -> "the negotiation of " + entry.key.substring(entry.key.indexOf('|') + 1),
                entry -> {
                    String complaintId = entry.key.substring(entry.key.indexOf('|') + 1);
                    purges.delete(entry.key); // first: a purge that fails is skipped, not tried on every run
                    Negotiation n = negotiations.get(complaintId);
                    if (n != null && n.resolved() && String.valueOf(n.situation().round()).equals(entry.value)) {
                        negotiations.delete(complaintId);
                    }
                });
    }

    private static String key(long epochMillis, String complaintId) {
        return String.format("%015d|%s", epochMillis, complaintId);
    }
}
