package com.makeitright.worker.outbound;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * One outgoing HTTP delivery (a webhook, a helpdesk note) is tried up to {@code maxAttempts} times, waiting
 * {@code backoff}, doubling up to {@code maxBackoff} (a receiver's {@code Retry-After} is honoured up to
 * {@code maxBackoff}); each attempt is bounded by {@code connectTimeout} and {@code readTimeout}.
 */
public record DeliverySettings(
        @Min(1) @Max(20) @DefaultValue("5") int maxAttempts,
        @NotNull @DurationMin(millis = 10) @DurationMax(minutes = 1) @DefaultValue("1s") Duration backoff,
        @NotNull @DurationMin(millis = 10) @DurationMax(minutes = 5) @DefaultValue("30s") Duration maxBackoff,
        @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 2) @DefaultValue("10s") Duration readTimeout) {

    /** The longest one delivery can take: every attempt timing out, every wait at its longest. */
    public Duration worstCase() {
        Duration attempt = connectTimeout.plus(readTimeout);
        return attempt.multipliedBy(maxAttempts).plus(maxBackoff.multipliedBy(maxAttempts - 1L));
    }
}
