package com.makeitright.remedy.negotiation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How long a resolved negotiation is kept. The resolved state is what makes a late copy of the round's
 * acknowledgement, response or fulfillment change nothing; exactly-once delivery means no copies in normal
 * operation, so the grace must outlast cross-topic lag and a replay from a dead-letter topic. After it, an
 * event older than the grace for a complaint remedy no longer knows is ignored as stale. A reopened case is a
 * new round and starts its own negotiation.
 *
 * @param grace         after resolution ({@code NEGOTIATION_PURGE_GRACE}, P30D; at least PT1M)
 * @param purgeInterval how often due purges run ({@code NEGOTIATION_PURGE_INTERVAL}, PT1M)
 * @param purgeBatch    negotiations purged per run and task at most ({@code NEGOTIATION_PURGE_BATCH}, 500)
 */
@Validated
@ConfigurationProperties("remedy.negotiation.retention")
public record NegotiationRetention(
        @NotNull @DefaultValue("P30D") Duration grace,
        @NotNull @DefaultValue("PT1M") Duration purgeInterval,
        @Min(1) @Max(100_000) @DefaultValue("500") int purgeBatch) {

    public NegotiationRetention {
        if (grace != null && grace.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("remedy.negotiation.retention.grace must be at least PT1M, was " + grace);
        }
        if (purgeInterval != null && purgeInterval.toMillis() < 10) {
            throw new IllegalArgumentException("remedy.negotiation.retention.purge-interval must be at least 10 ms, was "
                    + purgeInterval);
        }
    }
}
