package com.makeitright.triage.memory;

import com.makeitright.triage.classify.History;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What triage remembers of one customer, folded from {@code complaints.received} and {@code complaints.resolved}
 * by event time: counts per UTC day of the last 12 months, the sticky do-not-serve decision and the customer's
 * first purchase date. Which complaint a count belongs to is remembered per complaint ({@link ComplaintSeen}),
 * not here, so this value has a constant worst-case size however many complaints the customer makes: at most
 * {@link #MAX_DAYS} day entries (see {@code MemorySerde} for the bytes).
 *
 * <p>The 12-month window is counted in whole days: a day is in the window of an instant when it is later than
 * the day exactly 12 months before it, and not later than the instant's own day.
 *
 * @param days ascending by day, only days with a count, only days inside the window of the newest day
 */
public record CustomerMemory(List<Day> days, boolean doNotServe, LocalDate customerSince) {

    /** Counts of one UTC day (epoch day). */
    public record Day(int epochDay, int complaints, int neverArrived, int refunds) {

        Day plus(int moreComplaints, int moreNeverArrived, int moreRefunds) {
            return new Day(epochDay, complaints + moreComplaints, neverArrived + moreNeverArrived,
                    refunds + moreRefunds);
        }
    }

    /** The window's days after its start day: 12 months span at most 366 days, plus the current day. */
    public static final int MAX_DAYS = 367;

    public static final CustomerMemory EMPTY = new CustomerMemory(List.of(), false, null);

    public CustomerMemory {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** The history as of a complaint at this event time, not counting that complaint itself ({@code own}). */
    public History historyAt(Instant at, ComplaintSeen own) {
        int from = windowStartDay(at);
        int to = epochDay(at);
        int complaints = 0;
        int neverArrived = 0;
        int refunds = 0;
        for (Day day : days) {
            if (day.epochDay() > from && day.epochDay() <= to) {
                complaints += day.complaints();
                neverArrived += day.neverArrived();
                refunds += day.refunds();
            }
        }
        if (own != null) {
            if (own.counted() && own.countedDay() > from && own.countedDay() <= to) {
                complaints--;
                neverArrived -= own.neverArrived() ? 1 : 0;
            }
            for (int refundDay : own.refundDays()) {
                refunds -= refundDay > from && refundDay <= to ? 1 : 0;
            }
        }
        return new History(Math.max(0, complaints), Math.max(0, refunds), Math.max(0, neverArrived), doNotServe,
                customerSince);
    }

    /**
     * Remembers a complaint round: the complaint counts once, on the day triage first saw it ({@code seen} is
     * what was known of it before this round, or null); a later round can only add a never-arrived claim.
     */
    public CustomerMemory withComplaint(Instant at, ComplaintSeen seen, boolean neverArrived, LocalDate since) {
        List<Day> updated;
        if (seen == null || !seen.counted()) {
            updated = added(epochDay(at), 1, neverArrived ? 1 : 0, 0);
        } else if (neverArrived && !seen.neverArrived()) {
            updated = addedIfKept(seen.countedDay(), 0, 1, 0);
        } else {
            updated = days;
        }
        LocalDate firstPurchase = since == null ? customerSince
                : customerSince == null || since.isBefore(customerSince) ? since : customerSince;
        return new CustomerMemory(pruned(updated, epochDay(at)), doNotServe, firstPurchase);
    }

    /** Remembers how a complaint round ended: a refund counts once per round; do-not-serve is for good. */
    public CustomerMemory withResolution(Instant at, ComplaintSeen seen, int round, boolean refunded,
                                         boolean stopServing) {
        boolean newRefund = refunded && (seen == null || round > seen.refundedRound());
        List<Day> updated = newRefund ? added(epochDay(at), 0, 0, 1) : days;
        return new CustomerMemory(pruned(updated, epochDay(at)), doNotServe || stopServing, customerSince);
    }

    private List<Day> added(int epochDay, int complaints, int neverArrived, int refunds) {
        List<Day> updated = new ArrayList<>(days.size() + 1);
        boolean placed = false;
        for (Day day : days) {
            if (!placed && day.epochDay() == epochDay) {
                updated.add(day.plus(complaints, neverArrived, refunds));
                placed = true;
            } else {
                if (!placed && day.epochDay() > epochDay) {
                    updated.add(new Day(epochDay, complaints, neverArrived, refunds));
                    placed = true;
                }
                updated.add(day);
            }
        }
        if (!placed) {
            updated.add(new Day(epochDay, complaints, neverArrived, refunds));
        }
        return updated;
    }

    private List<Day> addedIfKept(int epochDay, int complaints, int neverArrived, int refunds) {
        return days.stream().anyMatch(d -> d.epochDay() == epochDay)
                ? added(epochDay, complaints, neverArrived, refunds) : days;
    }

    /** Keeps only the days inside the window of the newest day known (this event's or a later one's). */
    private static List<Day> pruned(List<Day> days, int eventDay) {
        int newest = days.isEmpty() ? eventDay : Math.max(eventDay, days.get(days.size() - 1).epochDay());
        int from = windowStartDay(LocalDate.ofEpochDay(newest).atStartOfDay().toInstant(ZoneOffset.UTC));
        return days.stream().filter(d -> d.epochDay() > from).toList();
    }

    static int epochDay(Instant at) {
        return (int) at.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    static int windowStartDay(Instant at) {
        return (int) at.atOffset(ZoneOffset.UTC).minusMonths(12).toLocalDate().toEpochDay();
    }
}
