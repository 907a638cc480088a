package com.makeitright.remedy.ledger;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How the ledger dates its entries and how much it keeps. Validated at start-up: a bad value stops the service
 * with the property named.
 *
 * @param timeZone          the bookkeeper's time zone: an entry's date (and month) is the resolution's local date
 *                          there ({@code LEDGER_TIME_ZONE}, UTC). Day totals are dated when booked, so changing it
 *                          re-dates only later resolutions.
 * @param retention         day totals older than this are dropped ({@code LEDGER_RETENTION}, P400D: a year and a
 *                          month, so last year's books can still be closed)
 * @param recentEntries     entries listed one by one, per partition: the newest this many
 *                          ({@code LEDGER_RECENT_ENTRIES}, 1000); totals count everything within the retention
 * @param duplicateHorizon  a resolution seen again within this long (of its own time) is not booked twice, e.g.
 *                          one replayed from the dead-letter topic ({@code LEDGER_DUPLICATE_HORIZON}, P30D)
 * @param purgeInterval     how often day totals past the retention are dropped ({@code LEDGER_PURGE_INTERVAL}, PT1H)
 * @param purgeBatch        at most this many day totals are dropped per purge and partition
 *                          ({@code LEDGER_PURGE_BATCH}, 1000), so a purge never stalls the stream thread
 */
@Validated
@ConfigurationProperties("remedy.ledger")
public record LedgerProperties(
        @NotNull @DefaultValue("UTC") ZoneId timeZone,
        @NotNull @DefaultValue("P400D") Duration retention,
        @Min(0) @Max(100_000) @DefaultValue("1000") int recentEntries,
        @NotNull @DefaultValue("P30D") Duration duplicateHorizon,
        @NotNull @DefaultValue("PT1H") Duration purgeInterval,
        @Min(1) @Max(100_000) @DefaultValue("1000") int purgeBatch) {

    public LedgerProperties {
        if (retention != null && retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("remedy.ledger.retention must be at least P1D, was " + retention);
        }
        if (duplicateHorizon != null && duplicateHorizon.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("remedy.ledger.duplicate-horizon must be at least PT1M, was "
                    + duplicateHorizon);
        }
        if (purgeInterval != null && purgeInterval.toMillis() < 10) {
            throw new IllegalArgumentException("remedy.ledger.purge-interval must be at least 10 ms, was " + purgeInterval);
        }
    }
}
