package com.makeitright.followup;

import com.makeitright.events.RootCause;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * What followup-service schedules and when, and how it detects recurring root causes. Validated at start-up:
 * a bad value stops the service with the property named.
 *
 * @param delay          satisfaction check this long after resolution ({@code FOLLOWUP_DELAY}, default P3D)
 * @param promiseGrace   a promise is breached this long after its {@code deliverBy} ({@code PROMISE_GRACE}, PT0S)
 * @param scanInterval   how often the schedule is scanned for due checks ({@code FOLLOWUP_SCAN_INTERVAL}, PT1S)
 * @param maxDuePerScan  at most this many checks fire per scan and task, so a long outage catches up in
 *                       bounded transactions ({@code FOLLOWUP_MAX_DUE_PER_SCAN}, 500)
 * @param offerReminder  an OPEN offer still unanswered this long after it was made gets one reminder
 *                       ({@code FOLLOWUP_OFFER_REMINDER}, P3D; none when the offer expires first)
 * @param satisfactionWindow a satisfaction check unanswered this long after it came due is closed as no answer
 *                       ({@code FOLLOWUP_SATISFACTION_WINDOW}, P14D; within the worker's link validity, P30D)
 * @param prevention     recurring root-cause detection
 * @param retention      when a complaint's entries are purged from the schedule's stores
 */
@Validated
@ConfigurationProperties("followup")
public record FollowupProperties(
        @NotNull @DefaultValue("P3D") Duration delay,
        @NotNull @DefaultValue("PT0S") Duration promiseGrace,
        @NotNull @DefaultValue("PT1S") Duration scanInterval,
        @Min(1) @Max(100_000) @DefaultValue("500") int maxDuePerScan,
        @NotNull @DefaultValue("P3D") Duration offerReminder,
        @NotNull @DefaultValue("P14D") Duration satisfactionWindow,
        @NotNull @Valid @DefaultValue Prevention prevention,
        @NotNull @Valid @DefaultValue Retention retention) {

    public FollowupProperties {
        requireNotNegative("followup.delay", delay);
        requireNotNegative("followup.promise-grace", promiseGrace);
        requirePositive("followup.offer-reminder", offerReminder);
        requirePositive("followup.satisfaction-window", satisfactionWindow);
        if (scanInterval != null && (scanInterval.isNegative() || scanInterval.toMillis() < 10)) {
            throw new IllegalArgumentException("followup.scan-interval must be at least 10 ms, was " + scanInterval);
        }
    }

    /**
     * @param window           occurrences of a root cause are counted over this sliding window
     *                         ({@code PREVENTION_WINDOW}, P30D; at least one day)
     * @param threshold        this many occurrences in the window propose an action ({@code PREVENTION_THRESHOLD}, 5)
     * @param cooldown         after an action is proposed, no other for the same cause for this long
     *                         ({@code PREVENTION_COOLDOWN}, P30D)
     * @param rootCauses       the root causes that are ours to fix ({@code PREVENTION_ROOT_CAUSES}; default all but
     *                         EXTERNAL and OTHER)
     * @param minMeasurement   an action's effect is called TOO_EARLY until it has run this long
     *                         ({@code PREVENTION_MIN_MEASUREMENT}, P7D)
     * @param history          actions are remembered, and their effect measured, this long
     *                         ({@code PREVENTION_HISTORY}, P365D; at least window + min-measurement). Single
     *                         resolutions are remembered only for window + cooldown: detection needs the window,
     *                         and an action counts later resolutions as they arrive.
     */
    public record Prevention(
            @NotNull @DefaultValue("P30D") Duration window,
            @Min(1) @Max(10_000) @DefaultValue("5") int threshold,
            @NotNull @DefaultValue("P30D") Duration cooldown,
            @NotNull @DefaultValue({"PACKING_ERROR", "DELIVERY", "PRODUCT_QUALITY", "SERVICE_QUALITY",
                    "WAITING_TIME", "BILLING", "UNCLEAR_POLICY", "SALES_PROMISE", "INTERFACE_PROBLEM"})
            Set<RootCause> rootCauses,
            @NotNull @DefaultValue("P7D") Duration minMeasurement,
            @NotNull @DefaultValue("P365D") Duration history) {

        public Prevention {
            if (window != null && window.compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException("followup.prevention.window must be at least P1D, was " + window);
            }
            requireNotNegative("followup.prevention.cooldown", cooldown);
            requireNotNegative("followup.prevention.min-measurement", minMeasurement);
            if (window != null && minMeasurement != null && history != null
                    && history.compareTo(window.plus(minMeasurement)) < 0) {
                throw new IllegalArgumentException("followup.prevention.history (" + history
                        + ") must be at least window + min-measurement (" + window.plus(minMeasurement) + ")");
            }
            rootCauses = rootCauses == null || rootCauses.isEmpty()
                    ? Set.of() : Set.copyOf(EnumSet.copyOf(rootCauses));
        }

        public int windowDays() {
            return (int) window.toDays();
        }
    }

    /**
     * A complaint's file and checks are purged {@code grace} after the case was closed (its latest round
     * resolved and no check open), or {@code maxIdle} after its last event when it never closes (a satisfaction
     * check nobody answers). The closed entries exist to stop a late or replayed event from bringing a check
     * back; exactly-once delivery means no duplicates in normal operation, so what the grace must outlast is
     * cross-topic lag (an outage's backlog) and a replay from a dead-letter topic. An event older than
     * {@code grace} for a complaint followup no longer knows is ignored as stale.
     *
     * @param grace         after closing ({@code FOLLOWUP_PURGE_GRACE}, P30D; at least PT1M)
     * @param maxIdle       after the last event of a case that is not closed ({@code FOLLOWUP_PURGE_MAX_IDLE}, P180D;
     *                      at least grace)
     * @param purgeInterval how often due purges run ({@code FOLLOWUP_PURGE_INTERVAL}, PT1M)
     * @param purgeBatch    complaints purged per run and task at most ({@code FOLLOWUP_PURGE_BATCH}, 500)
     */
    public record Retention(
            @NotNull @DefaultValue("P30D") Duration grace,
            @NotNull @DefaultValue("P180D") Duration maxIdle,
            @NotNull @DefaultValue("PT1M") Duration purgeInterval,
            @Min(1) @Max(100_000) @DefaultValue("500") int purgeBatch) {

        public Retention {
            if (grace != null && grace.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("followup.retention.grace must be at least PT1M, was " + grace);
            }
            if (grace != null && maxIdle != null && maxIdle.compareTo(grace) < 0) {
                throw new IllegalArgumentException("followup.retention.max-idle (" + maxIdle
                        + ") must be at least followup.retention.grace (" + grace + ")");
            }
            if (purgeInterval != null && purgeInterval.toMillis() < 10) {
                throw new IllegalArgumentException("followup.retention.purge-interval must be at least 10 ms, was "
                        + purgeInterval);
            }
        }

        /** The defaults (for tests and code that builds properties by hand). */
        public static Retention defaults() {
            return new Retention(Duration.ofDays(30), Duration.ofDays(180), Duration.ofMinutes(1), 500);
        }
    }

    private static void requirePositive(String property, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(property + " must be positive, was " + value);
        }
    }

    private static void requireNotNegative(String property, Duration value) {
        if (value != null && value.isNegative()) {
            throw new IllegalArgumentException(property + " must not be negative, was " + value);
        }
    }
}
