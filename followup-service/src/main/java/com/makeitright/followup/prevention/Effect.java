package com.makeitright.followup.prevention;

/**
 * The measured effect of a prevention action: complaints with its root cause per week in the window before
 * the action against per week since.
 *
 * @param before        complaints with the root cause in the window before the action (the crossing one included)
 * @param beforePerWeek {@code before} per week of the window
 * @param since         complaints with the root cause since the action
 * @param sincePerWeek  {@code since} per week of the time since the action (at least one day is assumed, so a
 *                      fresh action does not show a wild rate)
 * @param measuredDays  days since the action
 * @param change        relative change of the weekly rate, e.g. -0.5 for half as many; null when there were none before
 */
public record Effect(int before, double beforePerWeek, int since, double sincePerWeek, double measuredDays,
                     Double change, Verdict verdict) {

    public enum Verdict {
        /** The action has not run long enough to judge ({@code followup.prevention.min-measurement}). */
        TOO_EARLY,
        /** At least 20 % fewer per week. */
        IMPROVED,
        /** Within 20 % either way. */
        NO_CHANGE,
        /** At least 20 % more per week. */
        WORSE
    }
}
