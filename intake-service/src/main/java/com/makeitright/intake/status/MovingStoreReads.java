package com.makeitright.intake.status;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.function.Function;

/**
 * A read of a store that a rebalance may be moving, or of a holder that is failing over
 * ({@link InvalidStateStoreException}): tried again after a pause that grows from 100 ms to 1 s, and given up after
 * {@code move-wait} in time as well as in attempts, with a {@link ViewUnavailable} (503 and Retry-After). The pause
 * grows because each try of a forwarded read is an HTTP call to a peer that is itself short of time: at a fixed
 * 100 ms, every waiting request asked a restarting peer ten times a second (scale-out drill run M). Bounded in time
 * because a holder that takes its whole timeout per call would otherwise keep a request past its own bound (run H).
 */
final class MovingStoreReads {

    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private MovingStoreReads() {
    }

    /** {@code unavailable}: the 503 to answer, given the last failure (null when the time ran out). */
    static <T> Mono<T> retried(Mono<T> read, Duration moveWait, Function<Throwable, ViewUnavailable> unavailable) {
        long attempts = Math.max(1, moveWait.toMillis() / FIRST_PAUSE.toMillis());
        return read.retryWhen(Retry.backoff(attempts, FIRST_PAUSE).maxBackoff(LONGEST_PAUSE)
                        .filter(InvalidStateStoreException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> unavailable.apply(signal.failure())))
                .timeout(moveWait, Mono.error(() -> unavailable.apply(null)));
    }
}
