package com.makeitright.intake.actions;

import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs one state-changing request per complaint at a time, without blocking a thread: each waits for the
 * previous one of the same complaint to finish (which includes the view showing its event), so two answers to
 * the same offer cannot both pass the check.
 */
final class OnePerComplaint {

    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    <T> Mono<T> run(String complaintId, Supplier<Mono<T>> work) {
        return Mono.defer(() -> {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> previous = tails.put(complaintId, mine);
            Mono<Void> turn = previous == null ? Mono.empty() : Mono.fromFuture(previous, true);
            return turn.then(Mono.defer(work))
                    .doFinally(signal -> {
                        tails.remove(complaintId, mine);
                        mine.complete(null);
                    });
        });
    }
}
