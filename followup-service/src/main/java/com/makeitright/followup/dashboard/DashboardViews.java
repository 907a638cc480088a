package com.makeitright.followup.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What {@code /api/dashboard/**} answers: copies of the read model, taken under its lock. Times are epoch
 * milliseconds, amounts decimal numbers with their currency.
 */
final class DashboardViews {

    private DashboardViews() {
    }

    /** What bounds the read model, stated on every overview so the page can show it. */
    static final Map<String, String> BOUNDS = Map.of(
            "complaints", "open ones, and closed ones for followup.dashboard.closed-grace; at most max-complaints",
            "flow", "per-minute counts over the last 24 hours (1,440 slots)",
            "latency", "the newest 10,000 durations per stage within the last 24 hours",
            "money", "per-day sums over the last 32 days by remedy kind × cause × currency",
            "lists", "each list at most followup.dashboard.list-size rows");

    record Queue(long now, long acknowledgementNearMs, int total, List<QueueRow> rows) { }

    record QueueRow(String complaintId, String subject, String stage, String priority, String cause, String anger,
                    String advice, Long acknowledgeBy, long receivedAt, boolean reviewNeeded, boolean repeat,
                    String channel, int round, int contacts) {
        static QueueRow of(CaseFile f) {
            List<CaseFile.Advice> advice = f.shownAdvice();
            return new QueueRow(f.complaintId, f.subject, f.stage.name(), f.shownPriority(), f.cause, f.anger,
                    advice.isEmpty() ? null : advice.get(0).text(), f.acknowledgeBy, f.receivedAt,
                    f.reviewNeeded, f.complaintsLast12Months > 1, f.channel, f.round, f.contacts);
        }
    }

    record OfferRow(String complaintId, String subject, String waitingOn, String kind, String offerId,
                    CaseFile.Amount estimatedCost, long deadline) {
        static OfferRow of(CaseFile f) {
            CaseFile.Offer o = f.currentOffer();
            boolean approval = f.stage == CaseFile.Stage.AWAITING_APPROVAL;
            return new OfferRow(f.complaintId, f.subject, approval ? "supervisor" : "customer", o.kind(), o.offerId(),
                    o.estimatedCost(), approval && o.approvalDueBy() != null ? o.approvalDueBy() : o.expiresAt());
        }
    }

    record FollowUpRow(String complaintId, String subject, String kind, long dueAt, String reason) { }

    record PromiseRow(String complaintId, String subject, String kind, long deliverBy, boolean broken) { }

    record Counters(int open, Map<String, Integer> byStage, int reviewNeeded, int hostile, int suspectedAbuse,
                    int acknowledgementOverdue, int receivedToday, int resolvedToday, int offersAwaiting,
                    int followUpsDue, int promisesOpen, long deadLetters, int complaintsKept,
                    int mailsRefusedToday) { }

    record Latency(String stage, long hourP50Ms, long hourP95Ms, long hourCount, long dayP50Ms, long dayP95Ms,
                   long dayCount) { }

    record Flow(long[] minutes, int[] receivedPerMinute, List<Latency> latencies, Map<String, Long> deadLetters,
                Map<String, Long> consumerLag) { }

    record Mix(long[] hours, Map<String, int[]> causes, Map<String, int[]> angers) { }

    record MoneyRow(String period, String kind, String cause, String currency, int count, BigDecimal cost,
                    BigDecimal costOfInaction, int inactionKnown) { }

    record Money(List<MoneyRow> rows) { }

    record RootCauseCount(String rootCause, int resolvedLast30Days, String preventionActionId) { }

    record Prevention(String actionId, String rootCause, long proposedAt, int occurrences, int windowDays,
                      List<String> exampleComplaintIds, String proposal, String owner) { }

    record FixItTwice(List<RootCauseCount> topRootCauses, List<Prevention> actions) { }

    record Overview(long now, long version, long acknowledgementNearMs, Counters counters, Flow flow, Mix mix,
                    Money money, FixItTwice fixItTwice, List<OfferRow> offersAwaiting, List<FollowUpRow> followUpsDue,
                    List<PromiseRow> promises, Map<String, String> bounds) { }

    record FollowUpView(String kind, long dueAt, String reason, boolean open, Boolean satisfied, Integer score,
                        String comment) { }

    record Complaint(String complaintId, int round, String stage, long receivedAt, Long closedAt, String subject,
                     String description, String channel, String customerId, String tier, String cause,
                     double causeConfidence, String anger, double angerConfidence, String priority,
                     String triagedPriority, int contacts, Long acknowledgeBy, Long acknowledgedAt, List<CaseFile.Signal> signals,
                     List<CaseFile.Advice> handlingAdvice, String acknowledgementText, boolean reviewNeeded,
                     List<String> reviewReasons, String suspectedRootCause, int complaintsLast12Months,
                     boolean doNotServe, List<CaseFile.Offer> offers, List<CaseFile.Answer> answers,
                     CaseFile.Fulfillment fulfillment, CaseFile.Resolution resolution, List<FollowUpView> followUps,
                     List<CaseFile.Entry> timeline, Prevention prevention) {
        static Complaint of(CaseFile f, Prevention prevention) {
            return new Complaint(f.complaintId, f.round, f.stage.name(), f.receivedAt, f.closedAt, f.subject,
                    f.description, f.channel, f.customerId, f.tier, f.cause, f.causeConfidence, f.anger,
                    f.angerConfidence, f.shownPriority(), f.priority, f.contacts, f.acknowledgeBy, f.acknowledgedAt,
                    List.copyOf(f.signals), f.shownAdvice(), f.acknowledgementText, f.reviewNeeded, List.copyOf(f.reviewReasons),
                    f.suspectedRootCause, f.complaintsLast12Months, f.doNotServe, List.copyOf(f.offers),
                    List.copyOf(f.answers), f.fulfillment, f.resolution,
                    f.followUps.stream().map(u -> new FollowUpView(u.kind, u.dueAt, u.reason, u.open, u.satisfied,
                            u.score, u.comment)).toList(),
                    List.copyOf(f.timeline), prevention);
        }
    }
}
