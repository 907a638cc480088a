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

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Folds the schedule, the complaint files and the prevention actions into the dashboard's figures. */
final class InsightsAssembler {

    /** Longest list of each kind the dashboard shows; counts cover everything. */
    static final int LIST_LIMIT = 50;

    static final String SCOPE = "Built from this instance's state stores by interactive queries. followup-service "
            + "runs as a single instance, whose stores hold every partition; a second instance would see only "
            + "its own partitions.";

    private InsightsAssembler() {
    }

    static Insights assemble(List<FollowUp> followUps, List<ComplaintFile> complaints, List<MeasuredAction> actions,
                             Instant now) {
        Map<String, ComplaintFile> files = complaints.stream()
                .collect(Collectors.toMap(ComplaintFile::complaintId, Function.identity(), (a, b) -> a));
        List<Insights.Escalation> escalations = followUps.stream()
                .filter(f -> f.isEscalation() && f.state() == FollowUpState.FIRED)
                .sorted(Comparator.comparing(FollowUp::dueAt))
                .map(f -> escalation(f, files.get(f.complaintId())))
                .toList();
        return new Insights(now, escalations, followUps(followUps), satisfaction(followUps), complaints(complaints),
                actions.stream().map(InsightsAssembler::prevention).toList(), SCOPE);
    }

    private static Insights.Escalation escalation(FollowUp f, ComplaintFile file) {
        var contact = file == null ? null : file.contact();
        return new Insights.Escalation(f.complaintId(), f.kind(), f.round(), f.offerId(), f.dueAt(), f.firedAt(),
                f.reason(), contact == null ? null : contact.name(),
                contact == null ? null : contact.complaintChannel());
    }

    private static Insights.FollowUps followUps(List<FollowUp> all) {
        List<FollowUp> scheduled = all.stream().filter(f -> f.state() == FollowUpState.SCHEDULED)
                .sorted(Comparator.comparing(FollowUp::dueAt)).toList();
        List<FollowUp> awaiting = all.stream()
                .filter(f -> f.kind() == FollowUpKind.SATISFACTION_CHECK && f.state() == FollowUpState.FIRED)
                .sorted(Comparator.comparing(FollowUp::dueAt)).toList();
        List<FollowUp> answered = all.stream().filter(f -> f.state() == FollowUpState.ANSWERED && f.answer() != null)
                .sorted(Comparator.comparing((FollowUp f) -> f.answer().answeredAt()).reversed()).toList();
        return new Insights.FollowUps(scheduled.size(), awaiting.size(), answered.size(),
                count(all, f -> f.state() == FollowUpState.CANCELLED),
                count(all, f -> f.state() == FollowUpState.CLEARED),
                scheduled.stream().limit(LIST_LIMIT).map(InsightsAssembler::line).toList(),
                awaiting.stream().limit(LIST_LIMIT).map(InsightsAssembler::line).toList(),
                answered.stream().limit(LIST_LIMIT).map(InsightsAssembler::answered).toList());
    }

    private static Insights.Line line(FollowUp f) {
        return new Insights.Line(f.complaintId(), f.kind(), f.round(), f.offerId(), f.dueAt(), f.firedAt(), f.reason());
    }

    private static Insights.Answered answered(FollowUp f) {
        SatisfactionAnswer a = f.answer();
        return new Insights.Answered(f.complaintId(), f.round(), a.score(), a.satisfied(), a.reopened(), a.comment(),
                a.answeredAt());
    }

    private static Insights.Satisfaction satisfaction(List<FollowUp> all) {
        List<SatisfactionAnswer> answers = all.stream()
                .filter(f -> f.kind() == FollowUpKind.SATISFACTION_CHECK && f.answer() != null)
                .map(FollowUp::answer).toList();
        if (answers.isEmpty()) {
            return new Insights.Satisfaction(0, null, null, 0);
        }
        double average = answers.stream().mapToInt(SatisfactionAnswer::score).average().orElseThrow();
        double satisfied = answers.stream().filter(SatisfactionAnswer::satisfied).count() / (double) answers.size();
        int reopened = (int) answers.stream().filter(SatisfactionAnswer::reopened).count();
        return new Insights.Satisfaction(answers.size(), round(average), round(satisfied), reopened);
    }

    private static Insights.Complaints complaints(List<ComplaintFile> files) {
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
        return new Insights.Complaints(files.size(), resolved, byCause, byAnger, byRootCause, byOutcome);
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

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
