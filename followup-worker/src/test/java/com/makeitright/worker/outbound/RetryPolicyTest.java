package com.makeitright.worker.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    final RetryPolicy policy = new RetryPolicy(new DeliverySettings(5, Duration.ofSeconds(1),
            Duration.ofSeconds(8), Duration.ofSeconds(1), Duration.ofSeconds(1)));

    @ParameterizedTest
    @CsvSource({"200,DELIVERED", "202,DELIVERED", "204,DELIVERED", "299,DELIVERED",
            "500,RETRY", "502,RETRY", "503,RETRY", "504,RETRY", "408,RETRY", "429,RETRY",
            "400,PERMANENT", "401,PERMANENT", "403,PERMANENT", "404,PERMANENT", "410,PERMANENT", "413,PERMANENT",
            "422,PERMANENT", "301,PERMANENT", "302,PERMANENT", "307,PERMANENT", "100,PERMANENT"})
    void classifiesAnswers(int status, RetryPolicy.Verdict verdict) {
        assertThat(RetryPolicy.classify(status)).isEqualTo(verdict);
    }

    @Test
    void backsOffExponentiallyUpToTheMaximum() {
        assertThat(policy.waitAfter(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.waitAfter(2, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.waitAfter(3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.waitAfter(4, Optional.empty())).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.waitAfter(5, Optional.empty())).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.waitAfter(64, Optional.empty())).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void honoursRetryAfterWithinTheMaximum() {
        assertThat(policy.waitAfter(1, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.waitAfter(1, Optional.of(Duration.ZERO))).isEqualTo(Duration.ZERO);
        assertThat(policy.waitAfter(1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        Instant now = Instant.parse("2026-12-06T04:30:00Z");
        assertThat(RetryPolicy.parseRetryAfter("7", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryPolicy.parseRetryAfter("Sun, 06 Dec 2026 04:30:05 GMT", now)).contains(Duration.ofSeconds(5));
        assertThat(RetryPolicy.parseRetryAfter("Sun, 06 Dec 2026 04:29:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("soon", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("99999999999999999999", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(null, now)).isEmpty();
    }
}
