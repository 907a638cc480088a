package com.makeitright.triage.acknowledge;

import com.makeitright.events.Priority;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How soon an agent must personally answer, per priority, and how much sooner for high-value customers.
 *
 * @param highValueFactor multiplies the deadline for GOLD and PLATINUM customers (0 &lt; factor &le; 1)
 */
public record AcknowledgeDeadlines(Map<Priority, Duration> within, double highValueFactor) {

    public static final AcknowledgeDeadlines DEFAULTS = new AcknowledgeDeadlines(Map.of(
            Priority.P1_URGENT, Duration.ofHours(1),
            Priority.P2_HIGH, Duration.ofHours(4),
            Priority.P3_NORMAL, Duration.ofHours(24),
            Priority.P4_LOW, Duration.ofHours(72)), 0.5);

    public AcknowledgeDeadlines {
        Map<Priority, Duration> copy = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            Duration d = Objects.requireNonNull(within.get(priority), "no acknowledgement deadline for " + priority);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("acknowledgement deadline for " + priority + " must be positive, was " + d);
            }
            copy.put(priority, d);
        }
        for (int i = 1; i < Priority.values().length; i++) {
            Priority higher = Priority.values()[i - 1];
            Priority lower = Priority.values()[i];
            if (copy.get(higher).compareTo(copy.get(lower)) > 0) {
                throw new IllegalArgumentException("acknowledgement deadline for " + higher + " (" + copy.get(higher)
                        + ") must not be longer than for " + lower + " (" + copy.get(lower) + ")");
            }
        }
        if (!(highValueFactor > 0 && highValueFactor <= 1)) {
            throw new IllegalArgumentException("high-value factor must be in (0, 1], was " + highValueFactor);
        }
        within = Map.copyOf(copy);
    }
}
