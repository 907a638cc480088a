package com.makeitright.followup.prevention;

import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.RootCause;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: the bounded processor decides exactly as the full-window reference ({@link
 * FullWindowPreventionProcessor}) on random sequences of resolutions, including redeliveries, out-of-order
 * times, ties within a millisecond, causes that are not counted, a zero cool-down and a history shorter than the
 * cool-down; and it reads the window only when that can change the decision. Seeded: a failure names its seed.
 */
class PreventionEquivalenceTest {

    static final int SEQUENCES = 400;
    static final long[] COOLDOWN_HOURS = {0, 1, 24, 72, 7 * 24, 30 * 24};
    /** A tick of 1 ms puts everything in one window (many ties); of a day, spreads it over 200 days. */
    static final long[] TICK_MILLIS = {1, 60_000, 3_600_000, 6 * 3_600_000, 24 * 3_600_000};
    static final RootCause[] CAUSES = {RootCause.PACKING_ERROR, RootCause.PACKING_ERROR, RootCause.DELIVERY,
            RootCause.EXTERNAL};
    static final int[] NANOS = {0, 0, 0, 1, 500_000};

    @Test
    void theBoundedProcessorDecidesAsTheFullWindowOneAndReadsOnlyWhatCanChangeTheDecision() {
        long proposals = 0;
        for (long seed = 1; seed <= SEQUENCES; seed++) {
            proposals += checkSequence(seed);
        }
        assertThat(proposals).as("the sequences do propose actions").isGreaterThan(SEQUENCES);
    }

    /** @return the proposals made */
    static long checkSequence(long seed) {
        Random random = new Random(seed);
        int windowDays = 1 + random.nextInt(10);
        PreventionRun.Config config = new PreventionRun.Config(Duration.ofDays(windowDays), 1 + random.nextInt(8),
                Duration.ofHours(COOLDOWN_HOURS[random.nextInt(COOLDOWN_HOURS.length)]),
                // the least history the configuration accepts is window + min-measurement (P7D by default)
                Duration.ofDays(windowDays + 7L + random.nextInt(31)));
        long tickMillis = TICK_MILLIS[random.nextInt(TICK_MILLIS.length)];
        int length = 1 + random.nextInt(200);

        PreventionRun bounded = PreventionRun.bounded(config);
        PreventionRun reference = PreventionRun.fullWindow(config);
        List<ComplaintResolved> sent = new ArrayList<>();
        long proposals = 0;
        for (int step = 0; step < length; step++) {
            ComplaintResolved resolved = !sent.isEmpty() && random.nextInt(5) == 0
                    ? sent.get(random.nextInt(sent.size())) // redelivered
                    : PreventionRun.resolution(CAUSES[random.nextInt(CAUSES.length)], "c-" + random.nextInt(16),
                    1 + random.nextInt(2), PreventionRun.T0.plusMillis(random.nextInt(200) * tickMillis)
                            .plusNanos(NANOS[random.nextInt(NANOS.length)]), "e-" + step);
            sent.add(resolved);
            String at = "seed " + seed + ", step " + step + ", " + config + ", tick " + tickMillis + " ms: ";

            PreventionRun.Step expected = reference.process(resolved);
            PreventionRun.Step actual = bounded.process(resolved);

            assertThat(actual.forwarded()).as(at + "proposals").isEqualTo(expected.forwarded());
            assertThat(bounded.occurrences.contents()).as(at + "remembered resolutions")
                    .isEqualTo(reference.occurrences.contents());
            assertThat(bounded.actions.contents()).as(at + "actions and their counts")
                    .isEqualTo(reference.actions.contents());
            // without a proposal, fewer than two windows' worth below the threshold (see firstCrossing)
            if (actual.forwarded().isEmpty()) {
                assertThat(actual.windowReads()).as(at + "window reads without a proposal")
                        .isLessThan(2 * config.threshold());
            }
            proposals += actual.forwarded().size();
        }
        return proposals;
    }
}
