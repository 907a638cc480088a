package com.makeitright.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Intake's own settings ({@code makeitright.intake.*}), validated at start-up. Environment:
 * {@code INTAKE_VIEW_WAIT}, {@code INTAKE_READY_WAIT}, {@code INTAKE_CATCH_UP_LIMIT}, {@code INTAKE_TRANSACTIONAL_ID}.
 */
@Validated
@ConfigurationProperties("makeitright.intake")
public class IntakeProperties {

    /**
     * How long an accepted write waits for the status view to show it before answering anyway, so that a GET or
     * a follow-up request right after the 202 sees it. The event is durable either way.
     */
    @NotNull
    @DurationMin(millis = 1)
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration viewWait = Duration.ofSeconds(5);

    /** How long a request waits for the status view to be ready (started and caught up) before a 503. */
    @NotNull
    @DurationMin(millis = 1)
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration readyWait = Duration.ofSeconds(30);

    /**
     * At start-up the view catches up with every event already on the topics before intake decides anything
     * from it; past this limit it opens anyway and logs a warning.
     */
    @NotNull
    @DurationMin(millis = 1)
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration catchUpLimit = Duration.ofSeconds(60);

    /** Transactional id of the producer that writes a reopen; unique per intake instance, stable across restarts. */
    @NotBlank(message = "must name the transactional producer of this intake instance")
    private String transactionalId = "intake-service-reopen";

    public Duration getViewWait() {
        return viewWait;
    }

    public void setViewWait(Duration viewWait) {
        this.viewWait = viewWait;
    }

    public Duration getReadyWait() {
        return readyWait;
    }

    public void setReadyWait(Duration readyWait) {
        this.readyWait = readyWait;
    }

    public Duration getCatchUpLimit() {
        return catchUpLimit;
    }

    public void setCatchUpLimit(Duration catchUpLimit) {
        this.catchUpLimit = catchUpLimit;
    }

    public String getTransactionalId() {
        return transactionalId;
    }

    public void setTransactionalId(String transactionalId) {
        this.transactionalId = transactionalId;
    }
}
