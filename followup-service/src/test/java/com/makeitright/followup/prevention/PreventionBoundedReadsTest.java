package com.makeitright.followup.prevention;

import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.RootCause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10: a burst of resolutions with one root cause costs a few reads per event, not the whole window. */
class PreventionBoundedReadsTest {

    /** The defaults: P30D window, 5 occurrences, P30D cool-down, P365D history. */
    static final PreventionRun.Config DEFAULTS = new PreventionRun.Config(Duration.ofDays(30), 5, Duration.ofDays(30),
            Duration.ofDays(365));

    static List<ComplaintResolved> burst(int count, Duration apart) {
        List<ComplaintResolved> burst = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            burst.add(PreventionRun.resolution(RootCause.PACKING_ERROR, "c-" + i, 1,
                    PreventionRun.T0.plus(apart.multipliedBy(i)), "e-" + i));
        }
        return burst;
    }

    @Test
    void aBurstOfFiveThousandReadsOnlyTheEntriesUpToTheProposal() {
        PreventionRun bounded = PreventionRun.bounded(DEFAULTS);
        PreventionRun reference = PreventionRun.fullWindow(DEFAULTS);
        List<PreventionRun.Forward> proposals = new ArrayList<>();
        long boundedReads = 0;
        long referenceReads = 0;

        for (ComplaintResolved resolved : burst(5_000, Duration.ofMinutes(1))) {
            PreventionRun.Step expected = reference.process(resolved);
            PreventionRun.Step actual = bounded.process(resolved);
            assertThat(actual.forwarded()).isEqualTo(expected.forwarded());
            proposals.addAll(actual.forwarded());
            boundedReads += actual.windowReads();
            referenceReads += expected.windowReads();
        }

        // the rule: the 5th resolution crosses the threshold; the other 4,995 fall within its cool-down
        assertThat(proposals).singleElement().satisfies(proposal -> {
            assertThat(proposal.key()).isEqualTo("c-4");
            assertThat(proposal.value().getOccurrences()).isEqualTo(5);
            assertThat(proposal.value().getExampleComplaintIds()).containsExactly("c-4", "c-3", "c-2", "c-1", "c-0");
        });
        assertThat(boundedReads).as("1 + 2 + 3 + 4 + 5, then nothing while the action cools down").isEqualTo(15);
        assertThat(referenceReads).as("the whole window every time (1 + 2 + ... + 5000), and its own end each time")
                .isEqualTo(5_000L * 5_001 / 2 + 5_000);
    }

    @Test
    void aBurstArrivingOutOfTimeOrderIsDetectedAsInOrder() {
        // one root cause's resolutions come from every partition of complaints.resolved: newest first here
        List<ComplaintResolved> burst = new ArrayList<>(burst(5, Duration.ofMinutes(1)));
        java.util.Collections.reverse(burst);
        PreventionRun bounded = PreventionRun.bounded(DEFAULTS);
        List<PreventionRun.Forward> proposals = new ArrayList<>();
        for (ComplaintResolved resolved : burst) {
            proposals.addAll(bounded.process(resolved).forwarded());
        }

        // the same action as in time order: the newest resolution is the one that crossed the threshold
        assertThat(proposals).singleElement().satisfies(proposal -> {
            assertThat(proposal.key()).isEqualTo("c-4");
            assertThat(proposal.value().getOccurrences()).isEqualTo(5);
            assertThat(proposal.value().getExampleComplaintIds()).containsExactly("c-4", "c-3", "c-2", "c-1", "c-0");
        });
    }

    @Test
    void aLongRunReadsTheWindowOnlyForTheProposalAfterTheCooldown() {
        // 5,000 over 52 days; 672 per 7-day window; threshold 3, cool-down 30 days
        PreventionRun.Config config = new PreventionRun.Config(Duration.ofDays(7), 3, Duration.ofDays(30),
                Duration.ofDays(30));
        PreventionRun bounded = PreventionRun.bounded(config);
        PreventionRun reference = PreventionRun.fullWindow(config);
        List<PreventionRun.Forward> proposals = new ArrayList<>();
        long boundedReads = 0;

        for (ComplaintResolved resolved : burst(5_000, Duration.ofMinutes(15))) {
            PreventionRun.Step expected = reference.process(resolved);
            PreventionRun.Step actual = bounded.process(resolved);
            assertThat(actual.forwarded()).isEqualTo(expected.forwarded());
            proposals.addAll(actual.forwarded());
            boundedReads += actual.windowReads();
        }

        // the rule: the 3rd crosses the threshold, the next is the first after the cool-down (i = 2 + 30 * 96)
        assertThat(proposals).extracting(PreventionRun.Forward::key).containsExactly("c-2", "c-2882");
        assertThat(proposals).extracting(proposal -> proposal.value().getOccurrences()).containsExactly(3, 672);
        assertThat(proposals.get(1).value().getExampleComplaintIds())
                .containsExactly("c-2882", "c-2881", "c-2880", "c-2879", "c-2878");
        assertThat(boundedReads).as("1 + 2 + 3 to the first proposal, the window of 672 for the second")
                .isEqualTo(6 + 672);
        assertThat(bounded.occurrences.contents()).as("window + cool-down (37 days) up to the last").hasSize(3_552);
    }

    /**
     * Not a test: the CPU time of 20,000 same-cause resolutions (14 days, all within one window and cool-down),
     * full-window reference against bounded, printed. Run with -Dprevention.measure=true.
     */
    @Test
    @EnabledIfSystemProperty(named = "prevention.measure", matches = "true")
    void measureTwentyThousandSameCauseResolutions() {
        List<ComplaintResolved> burst = burst(20_000, Duration.ofMinutes(1));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 2; round++) { // the first round warms up
            long start = threads.getCurrentThreadCpuTime();
            PreventionRun reference = PreventionRun.fullWindow(DEFAULTS);
            burst.forEach(reference::process);
            long referenceNanos = threads.getCurrentThreadCpuTime() - start;

            start = threads.getCurrentThreadCpuTime();
            PreventionRun bounded = PreventionRun.bounded(DEFAULTS);
            burst.forEach(bounded::process);
            long boundedNanos = threads.getCurrentThreadCpuTime() - start;

            System.out.printf("prevention round %d: 20000 resolutions, full window %d ms CPU (%d entries read), "
                            + "bounded %d ms CPU (%d entries read), ratio %.1f%n", round,
                    referenceNanos / 1_000_000, reference.occurrences.iterated, boundedNanos / 1_000_000,
                    bounded.occurrences.iterated, (double) referenceNanos / boundedNanos);
        }
    }
}
