package com.makeitright.triage.stream;

import com.makeitright.triage.memory.ComplaintSeen;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.time.Duration;

/**
 * The per-complaint traces, in a window store filed under the time triage first saw each complaint: Kafka
 * Streams drops whole segments once they are older than {@link #RETENTION} (by stream time), in the store and
 * its changelog, so the store is bounded by the complaints of the last ~13 months and needs no purge of its own.
 * A round re-sent after that is acknowledged again; a reopened complaint that old counts as a new one, as it
 * would have under the 12-month window anyway.
 */
final class ComplaintsSeen {

    /** 12 months and a grace period for late reopens and redeliveries. */
    static final Duration RETENTION = Duration.ofDays(400);
    /** Each trace is one "window" of the smallest size; only its start (first seen) matters. */
    static final Duration WINDOW = Duration.ofMillis(1);

    private final WindowStore<String, ComplaintSeen> store;

    ComplaintsSeen(WindowStore<String, ComplaintSeen> store) {
        this.store = store;
    }

    /** The trace of this complaint, or null when triage has not seen it (within the retention). */
    ComplaintSeen find(String complaintId) {
        try (WindowStoreIterator<ComplaintSeen> traces = store.backwardFetch(complaintId, 0L, Long.MAX_VALUE)) {
            return traces.hasNext() ? traces.next().value : null;
        }
    }

    void save(String complaintId, ComplaintSeen seen) {
        store.put(complaintId, seen, seen.firstSeenAt());
    }
}
