package com.makeitright.followup.insights;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.Channel;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.RootCause;
import com.makeitright.followup.prevention.Effect;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ops dashboard's data ({@code GET /api/insights}).
 *
 * @param escalations open promise breaches, overdue approvals and unsent acknowledgements, longest overdue first
 * @param scope       what the numbers cover
 */
record Insights(Instant generatedAt, List<Escalation> escalations, FollowUps followUps, Satisfaction satisfaction,
                Complaints complaints, List<PreventionLine> prevention, String scope) {

    /**
     * A check that fired and was not put right yet: the promise is still undelivered, the approval undecided, the
     * acknowledgement unsent.
     */
    record Escalation(String complaintId, FollowUpKind kind, int round, String offerId, Instant dueAt, Instant raisedAt,
                      String reason, String customerName, Channel contactChannel) {
    }

    /**
     * @param scheduled      checks waiting for their due time
     * @param awaitingAnswer satisfaction checks that came due and wait for the customer's answer
     * @param nextDue        the next checks to come due, soonest first
     */
    record FollowUps(int scheduled, int awaitingAnswer, int answered, int cancelled, int escalationsCleared,
                     List<Line> nextDue, List<Line> awaiting, List<Answered> recentlyAnswered) {
    }

    record Line(String complaintId, FollowUpKind kind, int round, String offerId, Instant dueAt, Instant firedAt,
                String reason) {
    }

    record Answered(String complaintId, int round, int score, boolean satisfied, boolean reopened, String comment,
                    Instant answeredAt) {
    }

    /** @param averageScore 1-5, null before the first answer; @param shareSatisfied 0-1, null before the first answer */
    record Satisfaction(int answered, Double averageScore, Double shareSatisfied, int reopened) {
    }

    /** Cause and anger of each complaint's latest round (triage's, or the resolution's); root causes of resolved ones. */
    record Complaints(int total, int resolved, Map<Cause, Long> byCause, Map<Anger, Long> byAnger,
                      Map<RootCause, Long> byRootCause, Map<ResolutionOutcome, Long> byOutcome) {
    }

    record PreventionLine(String actionId, RootCause rootCause, String owner, String proposal, Instant proposedAt,
                          int occurrences, int windowDays, List<String> exampleComplaintIds, Effect effect) {
    }
}
