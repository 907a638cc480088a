package com.makeitright.intake.submission;

import com.makeitright.contract.Topics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class InDoubtKeysTest {

    private static final CompletableFuture<Void> ENDED = CompletableFuture.completedFuture(null);

    private final AtomicLong now = new AtomicLong();
    private final InDoubtKeys keys = new InDoubtKeys(3, Duration.ofSeconds(10), now::get);

    @Test
    void holdsAtMostMaxKeysForgettingTheOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            keys.add("k" + i, Topics.COMPLAINTS_RECEIVED, "c" + i, ENDED);
        }

        assertThat(keys.size()).isEqualTo(3);
        assertThat(keys.get("k1")).isNull();
        assertThat(keys.get("k2")).isNull();
        assertThat(keys.get("k5").recordKey()).isEqualTo("c5");
    }

    @Test
    void forgetsAKeyAfterTheTtlAndOnResolution() {
        keys.add("old", Topics.COMPLAINTS_RECEIVED, "c1", ENDED);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        keys.add("young", Topics.CONTACTS_ADDED, "c2", ENDED);
        keys.add("resolved", Topics.COMPLAINTS_RECEIVED, "c3", ENDED);
        keys.resolved("resolved");
        now.addAndGet(Duration.ofSeconds(5).toNanos());

        assertThat(keys.get("old")).isNull();
        assertThat(keys.get("resolved")).isNull();
        assertThat(keys.get("young").topic()).isEqualTo(Topics.CONTACTS_ADDED);
        assertThat(keys.size()).isEqualTo(1);
    }
}
