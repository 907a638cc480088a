package com.makeitright.triage.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What triage knows of one complaint across its rounds: whether and on which day it was counted in the
 * customer's memory, its never-arrived claim, the last round acknowledged (rounds come in order, so a round at
 * or below it is a redelivery) and the last refunded round with the days of its most recent refunds.
 * Constant worst-case size: at most {@link #MAX_REFUND_DAYS} refund days are kept.
 *
 * @param firstSeenAt       when triage first saw the complaint (epoch millis): where it is filed in the store
 * @param countedDay        UTC epoch day on which the complaint counts, or {@link #NOT_COUNTED}
 * @param refundDays        UTC epoch days of its latest refunded rounds, oldest first
 */
public record ComplaintSeen(long firstSeenAt, int countedDay, boolean neverArrived, int acknowledgedRound,
                            int refundedRound, List<Integer> refundDays) {

    public static final int NOT_COUNTED = Integer.MIN_VALUE;
    /** Refunds of the same complaint beyond these (an eighth reopened-and-refunded round) are not excluded. */
    public static final int MAX_REFUND_DAYS = 8;

    public ComplaintSeen {
        refundDays = refundDays == null ? List.of() : List.copyOf(refundDays);
    }

    /** Nothing known yet of a complaint first seen at this instant. */
    public static ComplaintSeen first(Instant at) {
        return new ComplaintSeen(at.toEpochMilli(), NOT_COUNTED, false, 0, 0, List.of());
    }

    public boolean counted() {
        return countedDay != NOT_COUNTED;
    }

    /** After acknowledging this round at this event time (matches {@link CustomerMemory#withComplaint}). */
    public ComplaintSeen acknowledged(int round, Instant at, boolean claimsNeverArrived) {
        return new ComplaintSeen(firstSeenAt, counted() ? countedDay : CustomerMemory.epochDay(at),
                neverArrived || claimsNeverArrived, Math.max(acknowledgedRound, round), refundedRound, refundDays);
    }

    /** After a round ended (matches {@link CustomerMemory#withResolution}). */
    public ComplaintSeen resolved(int round, Instant at, boolean refunded) {
        if (!refunded || round <= refundedRound) {
            return this;
        }
        List<Integer> days = new ArrayList<>(refundDays);
        days.add(CustomerMemory.epochDay(at));
        if (days.size() > MAX_REFUND_DAYS) {
            days.remove(0);
        }
        return new ComplaintSeen(firstSeenAt, countedDay, neverArrived, acknowledgedRound, round, days);
    }
}
