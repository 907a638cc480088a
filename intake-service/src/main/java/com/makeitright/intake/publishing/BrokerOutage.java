package com.makeitright.intake.publishing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How long the broker has been unreachable, as this intake's writes see it, and the {@code Retry-After} of a write
 * that failed because of it: half the outage so far, at least 1 s, at most {@link #MAX_RETRY_AFTER}. The outage starts
 * when the first write that went unacknowledged was sent and ends with the next acknowledged write.
 *
 * <p>Why half: a short outage (a broker restart, a leader election) is over in seconds, so clients come back soon;
 * the longer it lasts the likelier it goes on, so each round of retries waits longer (t, 1.5 t, 2.25 t, ...): a back-off
 * shared by every client without any of them keeping state, that spares the broker a storm of retries when it
 * returns. The cap keeps clients from coming back more than 30 s after the broker did.
 */
final class BrokerOutage {

    static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
    private static final long NONE = Long.MIN_VALUE;

    private final LongSupplier nanoTime;
    private final AtomicLong unreachableSince = new AtomicLong(NONE);

    BrokerOutage(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The broker acknowledged a write: any outage is over. */
    void reached() {
        unreachableSince.set(NONE);
    }

    /**
     * A write sent at {@code sentNanos} ({@link System#nanoTime()}) went unacknowledged: the outage began at the
     * latest then.
     *
     * @return when the client should retry
     */
    Duration unreachable(long sentNanos) {
        long now = nanoTime.getAsLong();
        long since = unreachableSince.accumulateAndGet(sentNanos,
                (current, candidate) -> current == NONE ? candidate : Math.min(current, candidate));
        return retryAfter(Duration.ofNanos(now - since));
    }

    /** Half the outage so far, within [{@link #MIN_RETRY_AFTER}, {@link #MAX_RETRY_AFTER}]. */
    static Duration retryAfter(Duration outage) {
        Duration half = outage.dividedBy(2);
        if (half.compareTo(MIN_RETRY_AFTER) < 0) {
            return MIN_RETRY_AFTER;
        }
        return half.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : half;
    }
}
