package com.makeitright.followup.insights;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.RootCause;
import com.makeitright.followup.prevention.MeasuredAction;
import com.makeitright.followup.schedule.ComplaintFile;
import com.makeitright.followup.schedule.FollowUp;
import com.makeitright.followup.schedule.FollowUpState;
import com.makeitright.followup.schedule.SatisfactionAnswer;
import com.makeitright.platform.instances.HeldPartitions;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folds what this instance's store partitions hold of the schedule, the complaint files and the prevention actions
 * into its part of the dashboard's figures ({@link InsightsMerge} adds the parts up).
 */
final class InsightsAssembler {

    /** Longest list of each kind the dashboard shows; counts cover everything. */
    static final int LIST_LIMIT = 50;

    private InsightsAssembler() {
    }

    /** This instance's part: what the store partitions it holds ({@code held}) add to the insights. */
    static InsightsPart part(HeldPartitions held, List<FollowUp> followUps, List<ComplaintFile> complaints,
                             List<MeasuredAction> actions) {
        Map<String, ComplaintFile> files = complaints.stream()
                .collect(Collectors.toMap(ComplaintFile::complaintId, Function.identity(), (a, b) -> a));
        // a complaint's checks and file share its partition, so the file is here when its escalation is
        List<Insights.Escalation> escalations = followUps.stream()
                .filter(f -> f.isEscalation() && f.state() == FollowUpState.FIRED)
                .map(f -> escalation(f, files.get(f.complaintId())))
                .sorted(InsightsMerge.ESCALATIONS).limit(LIST_LIMIT)
                .toList();
        List<FollowUp> answered = followUps.stream()
                .filter(f -> f.state() == FollowUpState.ANSWERED && f.answer() != null).toList();
        var counts = new InsightsPart.FollowUpCounts(count(followUps, f -> f.state() == FollowUpState.SCHEDULED),
                count(followUps, InsightsAssembler::awaitingAnswer), answered.size(),
                count(followUps, f -> f.state() == FollowUpState.CANCELLED),
                count(followUps, f -> f.state() == FollowUpState.CLEARED));
        return new InsightsPart(held, escalations, counts,
                head(followUps.stream().filter(f -> f.state() == FollowUpState.SCHEDULED)
                        .map(InsightsAssembler::line), InsightsMerge.BY_DUE),
                head(followUps.stream().filter(InsightsAssembler::awaitingAnswer).map(InsightsAssembler::line),
                        InsightsMerge.BY_DUE),
                head(answered.stream().map(InsightsAssembler::answered), InsightsMerge.NEWEST_ANSWER_FIRST),
                satisfaction(followUps), complaints(complaints),
                actions.stream().map(InsightsAssembler::prevention).toList());
    }

    private static boolean awaitingAnswer(FollowUp f) {
        return f.kind() == FollowUpKind.SATISFACTION_CHECK && f.state() == FollowUpState.FIRED;
    }

    private static <T> List<T> head(Stream<T> items, Comparator<? super T> order) {
        return items.sorted(order).limit(LIST_LIMIT).toList();
    }

    private static Insights.Escalation escalation(FollowUp f, ComplaintFile file) {
        var contact = file == null ? null : file.contact();
        return new Insights.Escalation(f.complaintId(), f.kind(), f.round(), f.offerId(), f.dueAt(), f.firedAt(),
                f.reason(), contact == null ? null : contact.name(),
                contact == null ? null : contact.complaintChannel());
    }

    private static Insights.Line line(FollowUp f) {
        return new Insights.Line(f.complaintId(), f.kind(), f.round(), f.offerId(), f.dueAt(), f.firedAt(), f.reason());
    }

    private static Insights.Answered answered(FollowUp f) {
        SatisfactionAnswer a = f.answer();
        return new Insights.Answered(f.complaintId(), f.round(), a.score(), a.satisfied(), a.reopened(), a.comment(),
                a.answeredAt());
    }

    private static InsightsPart.SatisfactionSums satisfaction(List<FollowUp> all) {
        List<SatisfactionAnswer> answers = all.stream()
                .filter(f -> f.kind() == FollowUpKind.SATISFACTION_CHECK && f.answer() != null)
                .map(FollowUp::answer).toList();
        return new InsightsPart.SatisfactionSums(answers.size(),
                answers.stream().mapToLong(SatisfactionAnswer::score).sum(),
                (int) answers.stream().filter(SatisfactionAnswer::satisfied).count(),
                (int) answers.stream().filter(SatisfactionAnswer::reopened).count());
    }

    private static InsightsPart.ComplaintCounts complaints(List<ComplaintFile> files) {
        Map<Cause, Long> byCause = new EnumMap<>(Cause.class);
        Map<Anger, Long> byAnger = new EnumMap<>(Anger.class);
        Map<RootCause, Long> byRootCause = new EnumMap<>(RootCause.class);
        Map<ResolutionOutcome, Long> byOutcome = new EnumMap<>(ResolutionOutcome.class);
        int resolved = 0;
        for (ComplaintFile file : files) {
            var resolution = file.resolution();
            boolean latestRoundResolved = resolution != null && resolution.round() >= file.round();
            Cause cause = latestRoundResolved ? resolution.cause() : file.cause();
            Anger anger = latestRoundResolved ? resolution.anger() : file.anger();
            increment(byCause, cause);
            increment(byAnger, anger);
            if (resolution != null) {
                resolved++;
                increment(byRootCause, resolution.rootCause());
                increment(byOutcome, resolution.outcome());
            }
        }
        return new InsightsPart.ComplaintCounts(files.size(), resolved, byCause, byAnger, byRootCause, byOutcome);
    }

    private static Insights.PreventionLine prevention(MeasuredAction measured) {
        var a = measured.action();
        return new Insights.PreventionLine(a.actionId(), a.rootCause(), a.owner(), a.proposal(), a.proposedAt(),
                a.occurrences(), a.windowDays(), a.exampleComplaintIds(), measured.effect());
    }

    private static <K> void increment(Map<K, Long> counts, K key) {
        if (key != null) {
            counts.merge(key, 1L, Long::sum);
        }
    }

    private static int count(List<FollowUp> all, Predicate<FollowUp> matching) {
        return (int) all.stream().filter(matching).count();
    }
}
