package com.makeitright.followup.schedule;

/** Names of the schedule's state stores (each backed by a compacted changelog topic). */
final class ScheduleStores {

    /** Complaint id → {@link ComplaintFile}. */
    static final String COMPLAINTS = "followup-complaints";
    /** {@link FollowUpKey} → {@link FollowUp}: every check, open or closed. */
    static final String FOLLOW_UPS = "followup-schedule";
    /** {@code <dueAt millis, 19 digits>|<FollowUpKey>} → FollowUpKey, for scheduled checks only: scanned in due order. */
    static final String DUE_INDEX = "followup-due-index";

    /** {@code <purgeAt millis, 19 digits>|<complaint id>} → complaint id: one entry per complaint, in purge order. */
    static final String PURGE_INDEX = "followup-purge-index";

    private ScheduleStores() {
    }

    static String dueIndexKey(java.time.Instant dueAt, String followUpKey) {
        return dueIndexPrefix(dueAt.toEpochMilli()) + '|' + followUpKey;
    }

    static String purgeIndexKey(java.time.Instant purgeAt, String complaintId) {
        return dueIndexPrefix(purgeAt.toEpochMilli()) + '|' + complaintId;
    }

    /** Every check of a complaint: their keys start with the complaint id and the separator. */
    static String checksOf(String complaintId) {
        return complaintId + '|';
    }

    /** Fixed width, so that the store's byte order is due-time order. */
    static String dueIndexPrefix(long epochMillis) {
        return String.format("%019d", Math.max(0, epochMillis));
    }
}
