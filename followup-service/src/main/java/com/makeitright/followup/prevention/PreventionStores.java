package com.makeitright.followup.prevention;

import com.makeitright.events.RootCause;

import java.time.Instant;

/** Names and keys of the prevention stores (changelogged). */
final class PreventionStores {

    /** {@code <root cause>|<resolvedAt millis, 19 digits>|<complaint id>|<round>} → {@link Occurrence}. */
    static final String OCCURRENCES = "prevention-occurrences";
    /** Root cause → {@link PreventionHistory}. */
    static final String ACTIONS = "prevention-actions";

    private PreventionStores() {
    }

    static String occurrenceKey(RootCause cause, Occurrence occurrence) {
        return prefix(cause, occurrence.resolvedAt().toEpochMilli()) + '|' + occurrence.complaintId() + '|'
                + occurrence.round();
    }

    /**
     * Lower bound of a range over (from, to]: every key with a time after {@code from}. Keys have fixed-width
     * times, so the store's byte order is time order within a root cause.
     */
    static String after(RootCause cause, Instant from) {
        return prefix(cause, from.toEpochMilli() + 1);
    }

    /** Upper bound of a range over (from, to]: the bare prefix of the next millisecond sorts after every key at {@code to}. */
    static String upTo(RootCause cause, Instant to) {
        return prefix(cause, to.toEpochMilli() + 1);
    }

    private static String prefix(RootCause cause, long epochMillis) {
        return cause.name() + '|' + String.format("%019d", Math.max(0, epochMillis));
    }
}
