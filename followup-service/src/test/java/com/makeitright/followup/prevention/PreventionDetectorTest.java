package com.makeitright.followup.prevention;

import com.makeitright.events.RootCause;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PreventionDetectorTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    final PreventionDetector detector = new PreventionDetector(Duration.ofDays(30), 3, Duration.ofDays(14),
            EnumSet.complementOf(EnumSet.of(RootCause.EXTERNAL, RootCause.OTHER)));

    static Occurrence occurrence(int n, Instant at) {
        return new Occurrence("c-" + n, 1, at, "e-" + n);
    }

    static List<Occurrence> daily(int count) {
        List<Occurrence> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(occurrence(i, T0.plus(Duration.ofDays(i))));
        }
        return list;
    }

    Optional<PreventionAction> consider(RootCause cause, List<Occurrence> inWindow, List<PreventionAction> earlier) {
        return detector.consider(cause, inWindow.get(inWindow.size() - 1), inWindow, earlier);
    }

    @Test
    void belowTheThresholdNothingIsProposed() {
        assertThat(consider(RootCause.PACKING_ERROR, daily(2), List.of())).isEmpty();
    }

    @Test
    void crossingTheThresholdProposesTheCausesActionForItsOwner() {
        List<Occurrence> inWindow = daily(3);

        PreventionAction action = consider(RootCause.PACKING_ERROR, inWindow, List.of()).orElseThrow();

        assertThat(action.rootCause()).isEqualTo(RootCause.PACKING_ERROR);
        assertThat(action.occurrences()).isEqualTo(3);
        assertThat(action.windowDays()).isEqualTo(30);
        assertThat(action.owner()).isEqualTo("warehouse");
        assertThat(action.proposal()).isEqualTo("3 complaints in 30 days were traced to packing errors: add a packing "
                + "checklist and scan-to-verify every item against the order at the packing station.");
        assertThat(action.complaintId()).isEqualTo("c-2");
        assertThat(action.causationId()).isEqualTo("e-2");
        assertThat(action.proposedAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(action.exampleComplaintIds()).containsExactly("c-2", "c-1", "c-0");
        assertThat(action.actionId()).as("stable for the crossing event")
                .isEqualTo(consider(RootCause.PACKING_ERROR, inWindow, List.of()).orElseThrow().actionId());
    }

    @Test
    void atMostFiveExamplesAreGivenTheMostRecentFirst() {
        PreventionAction action = consider(RootCause.UNCLEAR_POLICY, daily(8), List.of()).orElseThrow();

        assertThat(action.exampleComplaintIds()).containsExactly("c-7", "c-6", "c-5", "c-4", "c-3");
        assertThat(action.owner()).isEqualTo("docs");
    }

    @Test
    void causesThatAreNotOursToFixAreNotCounted() {
        assertThat(detector.counts(RootCause.EXTERNAL)).isFalse();
        assertThat(detector.counts(RootCause.OTHER)).isFalse();
        assertThat(consider(RootCause.EXTERNAL, daily(10), List.of())).isEmpty();
    }

    @Test
    void noSecondActionWhileOneIsActiveButAgainAfterTheCooldown() {
        PreventionAction first = consider(RootCause.SALES_PROMISE, daily(3), List.of()).orElseThrow();

        List<Occurrence> stillActive = daily(10); // the 10th is 7 days after the action: within the 14-day cooldown
        assertThat(consider(RootCause.SALES_PROMISE, stillActive, List.of(first))).isEmpty();

        List<Occurrence> afterCooldown = new ArrayList<>(daily(3));
        afterCooldown.add(occurrence(99, first.proposedAt().plus(Duration.ofDays(14))));
        assertThat(consider(RootCause.SALES_PROMISE, afterCooldown, List.of(first)))
                .hasValueSatisfying(second -> assertThat(second.actionId()).isNotEqualTo(first.actionId()));
    }

    @Test
    void everyRootCauseHasAPlayWithAnOwnerAndAnAction() {
        for (RootCause cause : RootCause.values()) {
            PreventionPlaybook.Play play = PreventionPlaybook.forCause(cause);
            assertThat(play.owner()).as(cause.name()).isNotBlank();
            assertThat(play.action()).as(cause.name()).isNotBlank();
            assertThat(play.label()).as(cause.name()).isNotBlank();
        }
    }
}
