package com.makeitright.followup.insights;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.RootCause;
import com.makeitright.platform.instances.HeldPartitions;

import java.util.List;
import java.util.Map;

/**
 * One followup instance's share of the insights, read from the store partitions it holds ({@code held}), in a form
 * that adds up across instances ({@link InsightsMerge}): counts and sums rather than averages, each list already
 * sorted and cut to {@link InsightsAssembler#LIST_LIMIT}, since the merged list can only take its head.
 */
record InsightsPart(HeldPartitions held, List<Insights.Escalation> escalations, FollowUpCounts followUps,
                    List<Insights.Line> nextDue, List<Insights.Line> awaiting, List<Insights.Answered> recentlyAnswered,
                    SatisfactionSums satisfaction, ComplaintCounts complaints,
                    List<Insights.PreventionLine> prevention) {

    record FollowUpCounts(int scheduled, int awaitingAnswer, int answered, int cancelled, int escalationsCleared) {
    }

    record SatisfactionSums(int answered, long scoreSum, int satisfied, int reopened) {
    }

    record ComplaintCounts(int total, int resolved, Map<Cause, Long> byCause, Map<Anger, Long> byAnger,
                           Map<RootCause, Long> byRootCause, Map<ResolutionOutcome, Long> byOutcome) {
    }
}
