package com.makeitright.followup.prevention;

import java.time.Duration;
import java.time.Instant;

/** Compares the weekly rate of a root cause before a prevention action with the rate since. */
final class EffectMeasurement {

    /** A change smaller than this share either way is no change. */
    static final double SIGNIFICANT_CHANGE = 0.2;

    private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

    private final Duration window;
    private final Duration minMeasurement;

    EffectMeasurement(Duration window, Duration minMeasurement) {
        this.window = window;
        this.minMeasurement = minMeasurement;
    }

    /** Start (exclusive) of the window before the action; it ends with the action (inclusive). */
    Instant beforeFrom(PreventionAction action) {
        return action.proposedAt().minus(window);
    }

    /**
     * @param before complaints with the root cause in (proposedAt - window, proposedAt]
     * @param since  complaints with the root cause in (proposedAt, now]
     */
    Effect measure(PreventionAction action, int before, int since, Instant now) {
        double windowDays = window.toMillis() / MILLIS_PER_DAY;
        Duration elapsed = Duration.between(action.proposedAt(), now);
        if (elapsed.isNegative()) {
            elapsed = Duration.ZERO;
        }
        double measuredDays = elapsed.toMillis() / MILLIS_PER_DAY;
        double beforePerWeek = before * 7 / windowDays;
        double sincePerWeek = since * 7 / Math.max(measuredDays, 1.0);
        Double change = before == 0 ? null : round((sincePerWeek - beforePerWeek) / beforePerWeek);
        Effect.Verdict verdict;
        if (elapsed.compareTo(minMeasurement) < 0) {
            verdict = Effect.Verdict.TOO_EARLY;
        } else if (sincePerWeek <= beforePerWeek * (1 - SIGNIFICANT_CHANGE)) {
            verdict = Effect.Verdict.IMPROVED;
        } else if (sincePerWeek >= beforePerWeek * (1 + SIGNIFICANT_CHANGE)) {
            verdict = Effect.Verdict.WORSE;
        } else {
            verdict = Effect.Verdict.NO_CHANGE;
        }
        return new Effect(before, round(beforePerWeek), since, round(sincePerWeek), round(measuredDays), change, verdict);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
