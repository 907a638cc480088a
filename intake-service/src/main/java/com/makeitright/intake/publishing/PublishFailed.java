package com.makeitright.intake.publishing;

import java.time.Duration;

/**
 * The broker did not acknowledge an event in time; the request that wanted it answers 503 with
 * {@code Retry-After: retryAfter} and may be retried (with the same {@code Idempotency-Key}).
 */
public class PublishFailed extends RuntimeException {

    private final Duration retryAfter;

    public PublishFailed(String message, Throwable cause) {
        this(message, cause, Duration.ofSeconds(1));
    }

    public PublishFailed(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** When a retry may succeed: about as long as the broker was given this time when it was unreachable. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
