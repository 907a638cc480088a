package com.makeitright.triage.stream;

import com.makeitright.events.Priority;
import com.makeitright.triage.acknowledge.AcknowledgeDeadlines;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * Triage's policy settings ({@code makeitright.triage.*}): how soon an agent must personally acknowledge a
 * complaint of each priority, and how much sooner for GOLD and PLATINUM customers. Checked at start-up.
 *
 * @param highValueFactor deadlines for GOLD and PLATINUM customers are multiplied by this (0 < factor <= 1)
 */
@Validated
@ConfigurationProperties("makeitright.triage")
public record TriageProperties(
        @Valid @DefaultValue AcknowledgeWithin acknowledgeWithin,
        @DecimalMin(value = "0.0", inclusive = false, message = "must be above 0")
        @DecimalMax(value = "1.0", message = "must be at most 1 (high-value customers are never answered later)")
        @DefaultValue("0.5") double highValueFactor) {

    /** The deadlines as the domain uses them; throws with a clear message when they are inconsistent. */
    public AcknowledgeDeadlines deadlines() {
        return new AcknowledgeDeadlines(Map.of(
                Priority.P1_URGENT, acknowledgeWithin.p1Urgent(),
                Priority.P2_HIGH, acknowledgeWithin.p2High(),
                Priority.P3_NORMAL, acknowledgeWithin.p3Normal(),
                Priority.P4_LOW, acknowledgeWithin.p4Low()), highValueFactor);
    }

    /** How soon an agent must personally answer, per priority. */
    public record AcknowledgeWithin(
            @NotNull @DefaultValue("PT1H") Duration p1Urgent,
            @NotNull @DefaultValue("PT4H") Duration p2High,
            @NotNull @DefaultValue("PT24H") Duration p3Normal,
            @NotNull @DefaultValue("PT72H") Duration p4Low) {
    }
}
