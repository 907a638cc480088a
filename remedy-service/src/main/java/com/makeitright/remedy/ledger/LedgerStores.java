package com.makeitright.remedy.ledger;

import java.time.Instant;

/** Names and keys of the ledger's state stores (local, changelogged; one set per partition of complaints.resolved). */
final class LedgerStores {

    /** {@code <ISO date>|<kind>|<cause>|<currency>} → {@link DayTotal}. */
    static final String DAYS = "remedy-ledger-days";
    /** {@code <resolvedAt millis, 19 digits>|<complaint id>|<round>} → {@link Ledger.Entry}: the newest entries. */
    static final String RECENT = "remedy-ledger-recent";
    /** Window store, {@code <complaint id>#<round>} → event id at the resolution's time: what was booked lately. */
    static final String SEEN = "remedy-ledger-seen";

    private LedgerStores() {
    }

    static String recentKey(Ledger.Entry entry) {
        return timePrefix(entry.resolvedAt().toEpochMilli()) + '|' + entry.complaintId() + '|' + entry.round();
    }

    /** Fixed width, so that the store's byte order is time order. */
    static String timePrefix(long epochMillis) {
        return String.format("%019d", Math.max(0, epochMillis));
    }

    static String timePrefix(Instant instant) {
        return timePrefix(instant.toEpochMilli());
    }

    static String seenKey(String complaintId, int round) {
        return complaintId + '#' + round;
    }
}
