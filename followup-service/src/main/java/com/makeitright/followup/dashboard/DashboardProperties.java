package com.makeitright.followup.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The dashboard's read model: what it rebuilds from the topics at start and what bounds it.
 *
 * @param lookback      at start the read model reads every contract topic from this long ago
 *                      ({@code DASHBOARD_LOOKBACK}, P31D: a calendar month of money, a day of flow)
 * @param closedGrace   a closed complaint stays on the page this long after it closed ({@code DASHBOARD_CLOSED_GRACE}, PT1H)
 * @param maxIdle       a complaint that never closes leaves the model this long after its last event
 *                      ({@code DASHBOARD_MAX_IDLE}, P31D)
 * @param maxComplaints complaints kept at most; beyond it the least recently touched one is dropped
 *                      ({@code DASHBOARD_MAX_COMPLAINTS}, 5000)
 * @param listSize      rows in each list the API returns at most ({@code DASHBOARD_LIST_SIZE}, 200)
 * @param acknowledgementNear a deadline this close is shown amber ({@code DASHBOARD_ACK_NEAR}, PT15M)
 * @param pushInterval  updates to the page are coalesced to one per this ({@code DASHBOARD_PUSH_INTERVAL}, PT0.25S)
 */
@Validated
@ConfigurationProperties("followup.dashboard")
public record DashboardProperties(
        @NotNull @DefaultValue("P31D") Duration lookback,
        @NotNull @DefaultValue("PT1H") Duration closedGrace,
        @NotNull @DefaultValue("P31D") Duration maxIdle,
        @Min(10) @Max(100_000) @DefaultValue("5000") int maxComplaints,
        @Min(1) @Max(1000) @DefaultValue("200") int listSize,
        @NotNull @DefaultValue("PT15M") Duration acknowledgementNear,
        @NotNull @DefaultValue("PT0.25S") Duration pushInterval) {

    public DashboardProperties {
        if (pushInterval != null && (pushInterval.toMillis() < 10 || pushInterval.toMillis() > 1000)) {
            // the page promises an update within a second of the event
            throw new IllegalArgumentException("followup.dashboard.push-interval must be 10 ms to 1 s, was "
                    + pushInterval);
        }
        if (closedGrace != null && maxIdle != null && maxIdle.compareTo(closedGrace) < 0) {
            throw new IllegalArgumentException("followup.dashboard.max-idle must be at least closed-grace");
        }
    }
}
