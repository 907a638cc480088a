package com.makeitright.intake.status;

import com.makeitright.contract.Topic;
import com.makeitright.intake.common.RecentKeys;
import com.makeitright.intake.publishing.PublishFailed;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Keys (an Idempotency-Key, a complaint id) whose last write ended without knowing whether the broker has it: the wait
 * for the broker's answer timed out (the broker may have appended the event and lost only the acknowledgement, e.g. a
 * leader that died in between, or the write goes on and lands later) or the work was cut off mid-write. The next
 * request under such a key first waits until that write ended (the producer had the broker's answer or gave up; a
 * transaction committed or aborted) and the view caught up with the events' partitions ({@link ViewCatchUp}), and
 * only then decides, so it finds the first write instead of making a second one.
 * <ul>
 *   <li>Drill run N: two copies of one {@code ComplaintReceived}; the in-doubt retry read the partition's end while
 *       the first send was still going on during a broker restart, and that event became visible after.</li>
 *   <li>Drill run Q: a reopen (its {@code FollowUpCompleted} and round-2 {@code ComplaintReceived}, one transaction)
 *       published twice: the wait for the transaction timed out, it committed after, and the retried answer was
 *       decided on a view without it.</li>
 * </ul>
 * Bounded: at most {@code maxKeys} (the oldest is forgotten first) and each for {@code ttl} ({@link RecentKeys}). A
 * forgotten key's next request is decided as before this class: by the view and the overlay alone. Known per
 * instance only: a retry that reaches another instance is decided there the same way.
 */
public final class InDoubtWrites {

    /**
     * Where the events in doubt would be: their topics and record key; and the write, which ends within the
     * producer's bound (an already ended one when unknown).
     */
    record Doubt(List<Topic<?>> topics, String recordKey, CompletableFuture<?> attempt) {
    }

    private static final CompletableFuture<Void> ENDED = CompletableFuture.completedFuture(null);

    private final RecentKeys<Doubt> keys;
    private final ViewCatchUp catchUp;
    private final Duration attemptWait;

    /**
     * @param attemptWait how long a request waits for the write in doubt to end: the producer's own bound on a write
     *                    ({@code publish-timeout})
     */
    public InDoubtWrites(int maxKeys, Duration ttl, LongSupplier nanoTime, ViewCatchUp catchUp, Duration attemptWait) {
        this.keys = new RecentKeys<>(maxKeys, ttl, nanoTime);
        this.catchUp = catchUp;
        this.attemptWait = attemptWait;
    }

    /**
     * The write of these events under {@code key} failed or its wait was cut off ({@code failure} null: the work was
     * cancelled).
     */
    public void add(String key, List<Topic<?>> topics, String recordKey, Throwable failure) {
        CompletableFuture<?> attempt = failure instanceof PublishFailed failed ? failed.attempt() : ENDED;
        keys.put(key, new Doubt(List.copyOf(topics), recordKey, attempt));
    }

    /**
     * Completes once the last write under this key has ended and the view caught up with its partitions, and forgets
     * the doubt; at once when there is none. Fails with a 503 ({@link PublishFailed} while the write has not ended
     * within {@code attemptWait}, {@link ViewUnavailable} while the view has not caught up), and the key stays in
     * doubt.
     */
    public Mono<Void> settled(String key) {
        return Mono.defer(() -> {
            Doubt doubt = keys.get(key);
            if (doubt == null) {
                return Mono.empty();
            }
            return ended(doubt.attempt())
                    .thenMany(Flux.fromIterable(doubt.topics())
                            .concatMap(topic -> catchUp.caughtUpWith(topic, doubt.recordKey())))
                    .then(Mono.fromRunnable(() -> keys.remove(key)));
        });
    }

    /** Whether the last write under this key is in doubt (for tests and metrics). */
    public boolean contains(String key) {
        return keys.get(key) != null;
    }

    public int size() {
        return keys.size();
    }

    Doubt get(String key) {
        return keys.get(key);
    }

    private Mono<Void> ended(CompletableFuture<?> attempt) {
        return Mono.fromFuture(attempt, true).then().onErrorResume(failed -> Mono.empty())
                .timeout(attemptWait, Mono.error(() -> new PublishFailed("The last write of this request has not"
                        + " ended within " + attemptWait + "; retry shortly", null)));
    }
}
