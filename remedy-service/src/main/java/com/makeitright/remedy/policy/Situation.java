package com.makeitright.remedy.policy;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.Channel;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.CustomerHistory;
import com.makeitright.events.CustomerTier;
import com.makeitright.events.Money;
import com.makeitright.events.RootCause;
import com.makeitright.events.Signal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What remedy knows of one complaint round: triage's acknowledgement, reduced to the facts the policy weighs.
 *
 * @param orderAmount       what the customer paid, or null when the complaint names no order
 * @param completedFraction share of a service or project already delivered (0..1), or null
 * @param runnerUpCause     triage's second most likely cause, or null (older triage), with its confidence
 * @param abuseSignals      codes of triage's signals that point to abuse (e.g. worn-then-returned)
 * @param reopened          set on a reopened round
 */
public record Situation(String complaintId, int round, String acknowledgedEventId, Instant acknowledgedAt,
                        String customerId, CustomerTier tier, Channel channel, String subject,
                        Money orderAmount, BigDecimal completedFraction, String desiredOutcome,
                        Cause cause, double causeConfidence, Cause runnerUpCause, double runnerUpConfidence,
                        Anger anger, RootCause suspectedRootCause,
                        History history, List<String> abuseSignals, Reopened reopened) {

    /** The customer's last twelve months, as triage computed them. */
    public record History(int complaints, int refunds, int neverArrived, boolean doNotServe, LocalDate customerSince) {
    }

    /** The round this one reopens and what the customer said at the follow-up. */
    public record Reopened(int previousRound, Integer score, String comment) {
    }

    public static Situation of(ComplaintAcknowledged ack) {
        CustomerHistory h = ack.getCustomerHistory();
        History history = new History(h.getComplaintsLast12Months(), h.getRefundsLast12Months(),
                h.getNeverArrivedLast12Months(), h.getDoNotServe(), h.getCustomerSince());
        List<String> abuse = ack.getSignals().stream()
                .filter(s -> s.getWeight() > 0 && ("cause:" + Cause.SUSPECTED_ABUSE).equals(s.getIndicates()))
                .map(Signal::getSignal)
                .toList();
        Reopened reopened = ack.getReopenedFrom() == null ? null : new Reopened(
                ack.getReopenedFrom().getPreviousRound(), ack.getReopenedFrom().getScore(),
                ack.getReopenedFrom().getComment());
        return new Situation(ack.getComplaintId(), ack.getRound(), ack.getEventId(), ack.getOccurredAt(),
                ack.getCustomerId(), ack.getTier(), ack.getChannel(), ack.getSubject(),
                ack.getOrder() == null ? null : ack.getOrder().getAmount(),
                ack.getOrder() == null ? null : ack.getOrder().getCompletedFraction(),
                ack.getDesiredOutcome(), ack.getCause(), ack.getCauseConfidence(), ack.getRunnerUpCause(),
                ack.getRunnerUpConfidence() == null ? 0 : ack.getRunnerUpConfidence(), ack.getAnger(),
                ack.getSuspectedRootCause(), history, abuse, reopened);
    }

    /** The same complaint as if triage had read this cause, as sure as it is of it (what that cause would call for). */
    Situation as(Cause assumed, double confidence) {
        return new Situation(complaintId, round, acknowledgedEventId, acknowledgedAt, customerId, tier, channel,
                subject, orderAmount, completedFraction, desiredOutcome, assumed, confidence, null, 0, anger,
                suspectedRootCause, history, abuseSignals, reopened);
    }

    public boolean hasOrder() {
        return orderAmount != null;
    }

    public boolean reopenedRound() {
        return reopened != null || round > 1;
    }

    /** The same complaint with the do-not-serve flag set aside (what a supervisor sees when they reject disengaging). */
    public Situation withoutDoNotServe() {
        return new Situation(complaintId, round, acknowledgedEventId, acknowledgedAt, customerId, tier, channel,
                subject, orderAmount, completedFraction, desiredOutcome, cause, causeConfidence, runnerUpCause,
                runnerUpConfidence, anger, suspectedRootCause, new History(history.complaints(), history.refunds(), history.neverArrived(),
                false, history.customerSince()), abuseSignals, reopened);
    }
}
