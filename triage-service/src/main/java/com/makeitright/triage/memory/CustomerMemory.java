package com.makeitright.triage.memory;

import com.makeitright.triage.classify.History;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What triage remembers of one customer, folded from {@code complaints.received} and {@code complaints.resolved}
 * by event time. Only the last 12 months are kept (older entries are dropped as newer events arrive), plus the
 * sticky do-not-serve decision and the customer's first purchase date.
 *
 * @param complaints one entry per complaint id (a reopened round is the same complaint)
 * @param refunds    one entry per refunded complaint round
 */
public record CustomerMemory(List<ComplaintSeen> complaints, List<RefundSeen> refunds, boolean doNotServe,
                             LocalDate customerSince) {

    /** A complaint the customer made, and whether it claimed a delivery never arrived. */
    public record ComplaintSeen(String complaintId, long at, boolean neverArrived) {
    }

    /** A complaint round that ended in a refund. */
    public record RefundSeen(String complaintId, int round, long at) {
    }

    public static final CustomerMemory EMPTY = new CustomerMemory(List.of(), List.of(), false, null);

    public CustomerMemory {
        complaints = complaints == null ? List.of() : List.copyOf(complaints);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
    }

    /** The history as of a complaint at this event time, not counting that complaint itself. */
    public History historyAt(Instant at, String excludingComplaintId) {
        long from = windowStart(at);
        long to = at.toEpochMilli();
        int count = 0;
        int neverArrived = 0;
        for (ComplaintSeen c : complaints) {
            if (!c.complaintId().equals(excludingComplaintId) && c.at() > from && c.at() <= to) {
                count++;
                if (c.neverArrived()) {
                    neverArrived++;
                }
            }
        }
        int refunded = (int) refunds.stream()
                .filter(r -> !r.complaintId().equals(excludingComplaintId) && r.at() > from && r.at() <= to).count();
        return new History(count, refunded, neverArrived, doNotServe, customerSince);
    }

    /** Remembers a complaint (once per complaint id); a later round can only add a never-arrived claim. */
    public CustomerMemory withComplaint(String complaintId, Instant at, boolean neverArrived, LocalDate since) {
        List<ComplaintSeen> updated = new ArrayList<>();
        boolean known = false;
        for (ComplaintSeen c : complaints) {
            if (c.complaintId().equals(complaintId)) {
                known = true;
                updated.add(new ComplaintSeen(complaintId, c.at(), c.neverArrived() || neverArrived));
            } else {
                updated.add(c);
            }
        }
        if (!known) {
            updated.add(new ComplaintSeen(complaintId, at.toEpochMilli(), neverArrived));
        }
        LocalDate firstPurchase = since == null ? customerSince
                : customerSince == null || since.isBefore(customerSince) ? since : customerSince;
        return new CustomerMemory(updated, refunds, doNotServe, firstPurchase).prunedBefore(at);
    }

    /** Remembers how a complaint round ended: a refund counts once per round; do-not-serve is for good. */
    public CustomerMemory withResolution(String complaintId, int round, Instant at, boolean refunded,
                                         boolean stopServing) {
        List<RefundSeen> updated = new ArrayList<>(refunds);
        if (refunded && updated.stream().noneMatch(r -> r.complaintId().equals(complaintId) && r.round() == round)) {
            updated.add(new RefundSeen(complaintId, round, at.toEpochMilli()));
        }
        return new CustomerMemory(complaints, updated, doNotServe || stopServing, customerSince).prunedBefore(at);
    }

    private CustomerMemory prunedBefore(Instant latest) {
        long from = windowStart(latest);
        return new CustomerMemory(complaints.stream().filter(c -> c.at() > from).toList(),
                refunds.stream().filter(r -> r.at() > from).toList(), doNotServe, customerSince);
    }

    private static long windowStart(Instant at) {
        return at.atOffset(ZoneOffset.UTC).minusMonths(12).toInstant().toEpochMilli();
    }
}
