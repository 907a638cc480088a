package com.makeitright.intake.publishing;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One write to the broker whose wait may be cut off by {@code publish-timeout} while the write goes on: {@link #ended()}
 * completes once the write has ended either way (the producer had the broker's answer or gave up, the transaction
 * committed or aborted), or at once when the wait was cut off before the write started, which then never starts.
 * A retry decides only after it ended ({@code InDoubtWrites}).
 */
final class SendAttempt {

    private final AtomicBoolean decided = new AtomicBoolean();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    /** Starts a send (a future of the broker's answer) unless the wait was cut off first. */
    <R> CompletableFuture<R> send(Supplier<CompletableFuture<R>> send) {
        start();
        CompletableFuture<R> answer;
        try {
            answer = send.get();
        } catch (RuntimeException e) {
            ended.complete(null);
            throw e;
        }
        answer.whenComplete((result, failure) -> ended.complete(null));
        return answer;
    }

    /** Runs a blocking write (a transaction) unless the wait was cut off first. */
    <R> R run(Callable<R> write) throws Exception {
        start();
        try {
            return write.call();
        } finally {
            ended.complete(null);
        }
    }

    /** The wait was cut off: a write not started yet never starts. */
    void cutOff() {
        if (decided.compareAndSet(false, true)) {
            ended.complete(null);
        }
    }

    CompletableFuture<?> ended() {
        return ended;
    }

    private void start() {
        if (!decided.compareAndSet(false, true)) {
            throw new CancellationException("The wait for this write was cut off before it started");
        }
    }
}
