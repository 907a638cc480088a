package com.makeitright.intake.ratelimit;

/** A client over its limit, found after the rate-limit filter (an integration's webhook): a 429, nothing done. */
public class RateLimitExceeded extends RuntimeException {

    private final long retryAfterSeconds;
    private final long capacity;
    private final long perSecond;

    RateLimitExceeded(long retryAfterSeconds, long capacity, long perSecond) {
        super("This client sent more than its limit (" + capacity + " at once, " + perSecond
                + " a second); nothing was done. Retry after " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
        this.capacity = capacity;
        this.perSecond = perSecond;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public long capacity() {
        return capacity;
    }

    public long perSecond() {
        return perSecond;
    }
}
