package com.makeitright.intake.status;

import com.makeitright.contract.Topics;
import com.makeitright.intake.publishing.PublishFailed;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InDoubtWritesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final AtomicLong now = new AtomicLong();
    private final List<String> caughtUp = new CopyOnWriteArrayList<>();
    private final ViewCatchUp catchUp = (topic, recordKey) -> Mono.fromRunnable(
            () -> caughtUp.add(topic.name() + "/" + recordKey));
    private final InDoubtWrites keys = new InDoubtWrites(3, Duration.ofSeconds(10), now::get, catchUp,
            Duration.ofMillis(200));

    @Test
    void holdsAtMostMaxKeysForgettingTheOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            keys.add("k" + i, List.of(Topics.COMPLAINTS_RECEIVED), "c" + i, null);
        }

        assertThat(keys.size()).isEqualTo(3);
        assertThat(keys.get("k1")).isNull();
        assertThat(keys.get("k2")).isNull();
        assertThat(keys.get("k5").recordKey()).isEqualTo("c5");
    }

    @Test
    void forgetsAKeyAfterTheTtlAndOnceSettled() {
        keys.add("old", List.of(Topics.COMPLAINTS_RECEIVED), "c1", null);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        keys.add("young", List.of(Topics.CONTACTS_ADDED), "c2", null);
        keys.add("settled", List.of(Topics.COMPLAINTS_RECEIVED), "c3", null);
        keys.settled("settled").block(PATIENCE);
        now.addAndGet(Duration.ofSeconds(5).toNanos());

        assertThat(keys.get("old")).isNull();
        assertThat(keys.get("settled")).isNull();
        assertThat(keys.get("young").topics()).containsExactly(Topics.CONTACTS_ADDED);
        assertThat(keys.size()).isEqualTo(1);
    }

    /** A reopen's transaction writes two topics: both must be caught up with, after the transaction ended. */
    @Test
    void settlesOnceTheWriteEndedAndTheViewCaughtUpWithEveryTopic() {
        CompletableFuture<Void> transaction = new CompletableFuture<>();
        keys.add("c1", List.of(Topics.FOLLOW_UP_OUTCOMES, Topics.COMPLAINTS_RECEIVED), "c1",
                new PublishFailed("cut off", null, Duration.ofSeconds(1), transaction));

        CompletableFuture<Void> settled = keys.settled("c1").toFuture();
        assertThat(settled).isNotDone();
        assertThat(caughtUp).isEmpty();
        transaction.complete(null);

        assertThat(settled).succeedsWithin(PATIENCE);
        assertThat(caughtUp).containsExactly(Topics.FOLLOW_UP_OUTCOMES.name() + "/c1",
                Topics.COMPLAINTS_RECEIVED.name() + "/c1");
        assertThat(keys.contains("c1")).isFalse();
    }

    @Test
    void aWriteThatDoesNotEndInTimeIsA503AndStaysInDoubt() {
        keys.add("c1", List.of(Topics.COMPLAINTS_RECEIVED), "c1",
                new PublishFailed("cut off", null, Duration.ofSeconds(1), new CompletableFuture<>()));

        assertThatThrownBy(() -> keys.settled("c1").block(PATIENCE)).isInstanceOf(PublishFailed.class)
                .hasMessageContaining("has not ended");
        assertThat(caughtUp).isEmpty();
        assertThat(keys.contains("c1")).isTrue();
    }
}
