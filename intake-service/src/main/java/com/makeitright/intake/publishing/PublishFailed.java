package com.makeitright.intake.publishing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The broker did not acknowledge an event in time; the request that wanted it answers 503 with
 * {@code Retry-After: retryAfter} and may be retried (with the same {@code Idempotency-Key}).
 */
public class PublishFailed extends RuntimeException {

    private static final CompletableFuture<Void> SETTLED = CompletableFuture.completedFuture(null);

    private final Duration retryAfter;
    private final CompletableFuture<?> attempt;

    public PublishFailed(String message, Throwable cause) {
        this(message, cause, Duration.ofSeconds(1));
    }

    public PublishFailed(String message, Throwable cause, Duration retryAfter) {
        this(message, cause, retryAfter, SETTLED);
    }

    public PublishFailed(String message, Throwable cause, Duration retryAfter, CompletableFuture<?> attempt) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.attempt = attempt;
    }

    /** When a retry may succeed: about as long as the broker was given this time when it was unreachable. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * The send this failure cut off: it ends (either way) once the producer has the broker's answer or gave up,
     * within its delivery timeout. Until then the event may still be appended and acknowledged, so a retry decides
     * only after it ended. Already ended when the send never started or failed by itself.
     */
    public CompletableFuture<?> attempt() {
        return attempt;
    }
}
