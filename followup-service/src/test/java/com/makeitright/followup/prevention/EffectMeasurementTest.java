package com.makeitright.followup.prevention;

import com.makeitright.events.RootCause;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EffectMeasurementTest {

    static final Instant PROPOSED = Instant.parse("2026-03-02T09:00:00Z");

    final EffectMeasurement measurement = new EffectMeasurement(Duration.ofDays(28), Duration.ofDays(7));
    final PreventionAction action = new PreventionAction("a-1", RootCause.PACKING_ERROR, PROPOSED, "c-1", "e-1",
            8, 28, List.of("c-1"), "add a checklist", "warehouse");

    @Test
    void theWindowBeforeEndsWithTheAction() {
        assertThat(measurement.beforeFrom(action)).isEqualTo(PROPOSED.minus(Duration.ofDays(28)));
    }

    @Test
    void halfAsManyPerWeekSinceTheActionIsAnImprovement() {
        Effect effect = measurement.measure(action, 8, 2, PROPOSED.plus(Duration.ofDays(14)));

        assertThat(effect.before()).isEqualTo(8);
        assertThat(effect.beforePerWeek()).isEqualTo(2.0);
        assertThat(effect.since()).isEqualTo(2);
        assertThat(effect.sincePerWeek()).isEqualTo(1.0);
        assertThat(effect.measuredDays()).isEqualTo(14.0);
        assertThat(effect.change()).isEqualTo(-0.5);
        assertThat(effect.verdict()).isEqualTo(Effect.Verdict.IMPROVED);
    }

    @Test
    void moreThanBeforeIsWorseAndAboutTheSameIsNoChange() {
        assertThat(measurement.measure(action, 8, 6, PROPOSED.plus(Duration.ofDays(14))).verdict())
                .isEqualTo(Effect.Verdict.WORSE);
        assertThat(measurement.measure(action, 8, 4, PROPOSED.plus(Duration.ofDays(14))).verdict())
                .isEqualTo(Effect.Verdict.NO_CHANGE);
    }

    @Test
    void aFreshActionIsTooEarlyToJudgeAndItsRateAssumesAtLeastOneDay() {
        Effect effect = measurement.measure(action, 8, 1, PROPOSED.plus(Duration.ofHours(1)));

        assertThat(effect.verdict()).isEqualTo(Effect.Verdict.TOO_EARLY);
        assertThat(effect.sincePerWeek()).isEqualTo(7.0);
        assertThat(effect.measuredDays()).isEqualTo(0.04);
    }
}
