package com.makeitright.intake.ratelimit;

/**
 * The rate limit of an integration that authenticates with its own credential instead of a bearer (a helpdesk's
 * webhook, by its signature): once authenticated it is a client of the {@code helpdesk} role, named
 * {@code webhook:<source>}, with that role's budget (SECURITY.md).
 */
public interface IntegrationLimits {

    /**
     * Counts one request of the integration; throws {@link RateLimitExceeded} (a 429) when it is over the helpdesk
     * role's limit. Call it after the request is authenticated, so a forger cannot spend a helpdesk's budget.
     */
    void admit(String integration);
}
