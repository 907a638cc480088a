package com.makeitright.followup.insights;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.RootCause;
import com.makeitright.platform.instances.HeldPartitions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule that adds up the instances' parts: sums, averages of the sums, merged lists cut to the limit. */
class InsightsMergeTest {

    static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");

    static InsightsPart part(int partition, List<Insights.Line> nextDue, List<Insights.Answered> answered,
                             InsightsPart.SatisfactionSums satisfaction, Map<Cause, Long> byCause) {
        return new InsightsPart(HeldPartitions.none().with("checks", Set.of(partition)), List.of(),
                new InsightsPart.FollowUpCounts(nextDue.size(), 1, answered.size(), 2, 3), nextDue, List.of(),
                answered, satisfaction, new InsightsPart.ComplaintCounts(4, 1, byCause, Map.of(Anger.CALM, 4L),
                Map.of(RootCause.DELIVERY, 1L), Map.of(ResolutionOutcome.REMEDY_DELIVERED, 1L)), List.of());
    }

    static List<Insights.Line> due(String prefix, int count, int firstMinute, int step) {
        return IntStream.range(0, count).mapToObj(i -> new Insights.Line(prefix + i, FollowUpKind.SATISFACTION_CHECK,
                1, null, NOW.plusSeconds(60L * (firstMinute + i * step)), null, "r")).toList();
    }

    @Test
    void countsAddAndAveragesAreTakenOfTheSums() {
        Insights merged = InsightsMerge.merge(List.of(
                part(0, due("a", 1, 0, 1), List.of(), new InsightsPart.SatisfactionSums(1, 5, 1, 0),
                        Map.of(Cause.OUR_ERROR, 3L, Cause.MISUNDERSTANDING, 1L)),
                part(1, due("b", 2, 0, 1), List.of(), new InsightsPart.SatisfactionSums(3, 6, 0, 2),
                        Map.of(Cause.OUR_ERROR, 4L))), NOW);

        assertThat(merged.followUps().scheduled()).isEqualTo(3);
        assertThat(merged.followUps().awaitingAnswer()).isEqualTo(2);
        assertThat(merged.followUps().escalationsCleared()).isEqualTo(6);
        // 11 points over 4 answers, not the mean of the two instances' means (5 and 2)
        assertThat(merged.satisfaction().averageScore()).isEqualTo(2.75);
        assertThat(merged.satisfaction().shareSatisfied()).isEqualTo(0.25);
        assertThat(merged.satisfaction().answered()).isEqualTo(4);
        assertThat(merged.satisfaction().reopened()).isEqualTo(2);
        assertThat(merged.complaints().total()).isEqualTo(8);
        assertThat(merged.complaints().byCause()).containsExactlyInAnyOrderEntriesOf(
                Map.of(Cause.OUR_ERROR, 7L, Cause.MISUNDERSTANDING, 1L));
        assertThat(merged.complaints().byRootCause()).containsEntry(RootCause.DELIVERY, 2L);
        assertThat(merged.generatedAt()).isEqualTo(NOW);
    }

    @Test
    void listsMergeInOrderAndAreCutToTheLimitWhateverOrderThePartsArrive() {
        // even minutes on one instance, odd ones on the other: the head of the merged list interleaves them
        InsightsPart even = part(0, due("even", InsightsAssembler.LIST_LIMIT, 0, 2),
                List.of(answered("x", 10), answered("y", 30)), new InsightsPart.SatisfactionSums(0, 0, 0, 0), Map.of());
        InsightsPart odd = part(1, due("odd", InsightsAssembler.LIST_LIMIT, 1, 2),
                List.of(answered("z", 20)), new InsightsPart.SatisfactionSums(0, 0, 0, 0), Map.of());

        Insights merged = InsightsMerge.merge(List.of(even, odd), NOW);

        assertThat(merged.followUps().nextDue()).hasSize(InsightsAssembler.LIST_LIMIT);
        assertThat(merged.followUps().nextDue().subList(0, 4)).extracting(Insights.Line::complaintId)
                .containsExactly("even0", "odd0", "even1", "odd1");
        assertThat(merged.followUps().nextDue().get(InsightsAssembler.LIST_LIMIT - 1).complaintId()).isEqualTo("odd24");
        assertThat(merged.followUps().recentlyAnswered()).extracting(Insights.Answered::complaintId)
                .containsExactly("y", "z", "x");
        assertThat(merged.satisfaction().averageScore()).isNull();
        assertThat(InsightsMerge.merge(List.of(odd, even), NOW)).isEqualTo(merged);
    }

    @Test
    void tiesAreBrokenTheSameWayOnEveryInstance() {
        InsightsPart one = part(0, List.of(new Insights.Line("c-b", FollowUpKind.SATISFACTION_CHECK, 1, null,
                NOW, null, "r")), List.of(), new InsightsPart.SatisfactionSums(0, 0, 0, 0), Map.of());
        InsightsPart other = part(1, List.of(new Insights.Line("c-a", FollowUpKind.SATISFACTION_CHECK, 1, null,
                NOW, null, "r")), List.of(), new InsightsPart.SatisfactionSums(0, 0, 0, 0), Map.of());

        assertThat(InsightsMerge.merge(List.of(one, other), NOW).followUps().nextDue())
                .extracting(Insights.Line::complaintId).containsExactly("c-a", "c-b");
        assertThat(InsightsMerge.merge(List.of(other, one), NOW))
                .isEqualTo(InsightsMerge.merge(List.of(one, other), NOW));
    }

    static Insights.Answered answered(String complaintId, int minute) {
        return new Insights.Answered(complaintId, 1, 4, true, false, null, NOW.minusSeconds(60L * (60 - minute)));
    }
}
