package com.makeitright.intake.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.Map;

/**
 * {@code makeitright.intake.rate-limit.*}: how many API requests each client may make, by role (SECURITY.md). A
 * client with several roles gets the most generous of them; a role not listed is not limited.
 *
 * @param maxClients the buckets kept at once, one per client (least recently used dropped first): memory stays
 *                   bounded however many people sign in with JWTs
 * @param roles      role id ({@code helpdesk}, …) to its limit
 */
@Validated
@ConfigurationProperties("makeitright.intake.rate-limit")
public record RateLimitProperties(
        @Min(1) @Max(10_000_000) @DefaultValue("10000") int maxClients,
        @NotNull @DefaultValue Map<String, @Valid Limit> roles) {

    /**
     * A token bucket: {@code capacity} requests at once, refilled at {@code perSecond}.
     *
     * @param capacity  the burst a client may send before it is limited
     * @param perSecond the sustained rate
     */
    public record Limit(@Min(1) long capacity, @Min(1) long perSecond) {
    }
}
