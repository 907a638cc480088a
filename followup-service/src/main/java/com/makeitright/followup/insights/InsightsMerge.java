package com.makeitright.followup.insights;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;

/**
 * The one rule that turns the parts of every instance into the insights: counts and sums add up, averages are
 * taken of the sums, lists merge, sort and are cut to {@link InsightsAssembler#LIST_LIMIT}. Every order is total
 * (ties broken by complaint, kind, round, offer), so any instance merging the same parts in any order gives the
 * same answer.
 */
final class InsightsMerge {

    static final Comparator<Insights.Escalation> ESCALATIONS = comparing(Insights.Escalation::dueAt)
            .thenComparing(Insights.Escalation::complaintId).thenComparing(Insights.Escalation::kind)
            .thenComparingInt(Insights.Escalation::round)
            .thenComparing(Insights.Escalation::offerId, nullsFirst(naturalOrder()));
    static final Comparator<Insights.Line> BY_DUE = comparing(Insights.Line::dueAt)
            .thenComparing(Insights.Line::complaintId).thenComparing(Insights.Line::kind)
            .thenComparingInt(Insights.Line::round)
            .thenComparing(Insights.Line::offerId, nullsFirst(naturalOrder()));
    static final Comparator<Insights.Answered> NEWEST_ANSWER_FIRST = comparing(Insights.Answered::answeredAt)
            .reversed().thenComparing(Insights.Answered::complaintId).thenComparingInt(Insights.Answered::round);
    static final Comparator<Insights.PreventionLine> NEWEST_ACTION_FIRST =
            comparing(Insights.PreventionLine::proposedAt).reversed()
                    .thenComparing(Insights.PreventionLine::actionId);

    static final String SCOPE = "Gathered from the state stores of every followup instance by interactive queries:"
            + " each store partition exactly once.";

    private InsightsMerge() {
    }

    static Insights merge(Collection<InsightsPart> parts, Instant now) {
        var followUps = new Insights.FollowUps(
                sum(parts, p -> p.followUps().scheduled()), sum(parts, p -> p.followUps().awaitingAnswer()),
                sum(parts, p -> p.followUps().answered()), sum(parts, p -> p.followUps().cancelled()),
                sum(parts, p -> p.followUps().escalationsCleared()),
                head(parts, InsightsPart::nextDue, BY_DUE), head(parts, InsightsPart::awaiting, BY_DUE),
                head(parts, InsightsPart::recentlyAnswered, NEWEST_ANSWER_FIRST));
        return new Insights(now, head(parts, InsightsPart::escalations, ESCALATIONS), followUps,
                satisfaction(parts), complaints(parts),
                parts.stream().flatMap(p -> p.prevention().stream()).sorted(NEWEST_ACTION_FIRST).toList(), SCOPE);
    }

    private static Insights.Satisfaction satisfaction(Collection<InsightsPart> parts) {
        int answered = sum(parts, p -> p.satisfaction().answered());
        if (answered == 0) {
            return new Insights.Satisfaction(0, null, null, 0);
        }
        long scores = parts.stream().mapToLong(p -> p.satisfaction().scoreSum()).sum();
        int satisfied = sum(parts, p -> p.satisfaction().satisfied());
        return new Insights.Satisfaction(answered, round(scores / (double) answered),
                round(satisfied / (double) answered), sum(parts, p -> p.satisfaction().reopened()));
    }

    private static Insights.Complaints complaints(Collection<InsightsPart> parts) {
        return new Insights.Complaints(sum(parts, p -> p.complaints().total()),
                sum(parts, p -> p.complaints().resolved()),
                add(parts, p -> p.complaints().byCause()), add(parts, p -> p.complaints().byAnger()),
                add(parts, p -> p.complaints().byRootCause()), add(parts, p -> p.complaints().byOutcome()));
    }

    /** The first {@link InsightsAssembler#LIST_LIMIT} of all parts' lists in the given order. */
    static <T> List<T> head(Collection<InsightsPart> parts, Function<InsightsPart, List<T>> list,
                            Comparator<? super T> order) {
        return parts.stream().flatMap(p -> list.apply(p).stream()).sorted(order)
                .limit(InsightsAssembler.LIST_LIMIT).toList();
    }

    private static int sum(Collection<InsightsPart> parts, ToIntFunction<InsightsPart> count) {
        return parts.stream().mapToInt(count).sum();
    }

    private static <K extends Enum<K>> Map<K, Long> add(Collection<InsightsPart> parts,
                                                        Function<InsightsPart, Map<K, Long>> counts) {
        Map<K, Long> total = new TreeMap<>();
        parts.stream().flatMap(p -> counts.apply(p).entrySet().stream())
                .forEach(e -> total.merge(e.getKey(), e.getValue(), Long::sum));
        return total;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
