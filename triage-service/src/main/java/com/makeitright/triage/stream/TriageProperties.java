package com.makeitright.triage.stream;

import com.makeitright.events.Priority;
import com.makeitright.triage.acknowledge.AcknowledgeDeadlines;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * Triage's policy settings ({@code makeitright.triage.*}): how soon an agent must personally acknowledge a
 * complaint of each priority, and how much sooner for GOLD and PLATINUM customers. Checked at start-up.
 */
@Validated
@ConfigurationProperties("makeitright.triage")
public class TriageProperties {

    private final AcknowledgeWithin acknowledgeWithin = new AcknowledgeWithin();

    /** Deadlines for GOLD and PLATINUM customers are multiplied by this (0 < factor <= 1). */
    @DecimalMin(value = "0.0", inclusive = false, message = "must be above 0")
    @DecimalMax(value = "1.0", message = "must be at most 1 (high-value customers are never answered later)")
    private double highValueFactor = 0.5;

    public AcknowledgeWithin getAcknowledgeWithin() {
        return acknowledgeWithin;
    }

    public double getHighValueFactor() {
        return highValueFactor;
    }

    public void setHighValueFactor(double highValueFactor) {
        this.highValueFactor = highValueFactor;
    }

    /** The deadlines as the domain uses them; throws with a clear message when they are inconsistent. */
    public AcknowledgeDeadlines deadlines() {
        return new AcknowledgeDeadlines(Map.of(
                Priority.P1_URGENT, acknowledgeWithin.p1Urgent,
                Priority.P2_HIGH, acknowledgeWithin.p2High,
                Priority.P3_NORMAL, acknowledgeWithin.p3Normal,
                Priority.P4_LOW, acknowledgeWithin.p4Low), highValueFactor);
    }

    public static class AcknowledgeWithin {
        @NotNull
        private Duration p1Urgent = Duration.ofHours(1);
        @NotNull
        private Duration p2High = Duration.ofHours(4);
        @NotNull
        private Duration p3Normal = Duration.ofHours(24);
        @NotNull
        private Duration p4Low = Duration.ofHours(72);

        public Duration getP1Urgent() {
            return p1Urgent;
        }

        public void setP1Urgent(Duration p1Urgent) {
            this.p1Urgent = p1Urgent;
        }

        public Duration getP2High() {
            return p2High;
        }

        public void setP2High(Duration p2High) {
            this.p2High = p2High;
        }

        public Duration getP3Normal() {
            return p3Normal;
        }

        public void setP3Normal(Duration p3Normal) {
            this.p3Normal = p3Normal;
        }

        public Duration getP4Low() {
            return p4Low;
        }

        public void setP4Low(Duration p4Low) {
            this.p4Low = p4Low;
        }
    }
}
