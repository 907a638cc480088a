package com.makeitright.intake.publishing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The Retry-After of a write the broker did not acknowledge: it grows with the outage, within bounds. */
class BrokerOutageTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final BrokerOutage outage = new BrokerOutage(now::get);

    /** A write sent now, and failed {@code after} later. */
    private Duration failsAfter(Duration after) {
        long sent = now.get();
        now.addAndGet(after.toNanos());
        return outage.unreachable(sent);
    }

    private void pass(Duration time) {
        now.addAndGet(time.toNanos());
    }

    @Test
    void theFirstFailureOfAnOutageAsksForHalfOfWhatItWaited() {
        assertThat(failsAfter(Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(2_500));
    }

    @Test
    void theLongerTheOutageTheLaterTheRetryUpToThirtySeconds() {
        Duration first = failsAfter(Duration.ofSeconds(5));
        pass(Duration.ofSeconds(15));
        Duration later = failsAfter(Duration.ofSeconds(5));
        pass(Duration.ofMinutes(10));
        Duration muchLater = failsAfter(Duration.ofSeconds(5));

        assertThat(first).isEqualTo(Duration.ofMillis(2_500));
        assertThat(later).as("25 s into the outage").isEqualTo(Duration.ofMillis(12_500));
        assertThat(muchLater).isEqualTo(BrokerOutage.MAX_RETRY_AFTER);
    }

    @Test
    void anAcknowledgedWriteEndsTheOutage() {
        failsAfter(Duration.ofSeconds(5));
        pass(Duration.ofMinutes(1));
        outage.reached();

        assertThat(failsAfter(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theOutageStartsWithTheEarliestWriteThatFailed() {
        long early = now.get();
        pass(Duration.ofSeconds(2));
        failsAfter(Duration.ofSeconds(4)); // sent 2 s after the early one, fails first

        assertThat(outage.unreachable(early)).as("6 s since the early write was sent").isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aShortWaitStillAsksForAtLeastOneSecond() {
        assertThat(failsAfter(Duration.ofMillis(600))).isEqualTo(BrokerOutage.MIN_RETRY_AFTER);
        assertThat(BrokerOutage.retryAfter(Duration.ZERO)).isEqualTo(BrokerOutage.MIN_RETRY_AFTER);
    }
}
