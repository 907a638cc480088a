package com.makeitright.followup.schedule;

import com.makeitright.events.FollowUpKind;

/**
 * Identity of one check, chosen so that whatever cancels or answers it can name it without a search: a
 * satisfaction or acknowledgement check per complaint round, a promise or approval check per offer. Duplicate
 * scheduling events map to the same key, so they cannot schedule twice.
 */
record FollowUpKey(String complaintId, FollowUpKind kind, String subject) {

    private static final char SEPARATOR = '|';

    static FollowUpKey satisfaction(String complaintId, int round) {
        return new FollowUpKey(complaintId, FollowUpKind.SATISFACTION_CHECK, "round-" + round);
    }

    /** The acknowledgement of the round must have reached the customer by triage's {@code acknowledgeBy}. */
    static FollowUpKey acknowledgement(String complaintId, int round) {
        return new FollowUpKey(complaintId, FollowUpKind.ACKNOWLEDGEMENT_OVERDUE, "round-" + round);
    }

    /** The round's satisfaction check is closed as no answer when nobody answered it by then. */
    static FollowUpKey noAnswer(String complaintId, int round) {
        return new FollowUpKey(complaintId, FollowUpKind.SATISFACTION_NO_ANSWER, "round-" + round);
    }

    /** Checks of this kind watch a round, not an offer. */
    static boolean perRound(FollowUpKind kind) {
        return kind == FollowUpKind.SATISFACTION_CHECK || kind == FollowUpKind.ACKNOWLEDGEMENT_OVERDUE
                || kind == FollowUpKind.SATISFACTION_NO_ANSWER;
    }

    /** One reminder of an OPEN offer the customer has not answered. */
    static FollowUpKey offerReminder(String complaintId, String offerId) {
        return new FollowUpKey(complaintId, FollowUpKind.OFFER_REMINDER, offerId);
    }

    static FollowUpKey promise(String complaintId, String offerId) {
        return new FollowUpKey(complaintId, FollowUpKind.PROMISE_BREACHED, offerId);
    }

    static FollowUpKey approval(String complaintId, String offerId) {
        return new FollowUpKey(complaintId, FollowUpKind.APPROVAL_OVERDUE, offerId);
    }

    /** The state-store key. */
    String asString() {
        return complaintId + SEPARATOR + kind.name() + SEPARATOR + subject;
    }
}
