package com.makeitright.intake.actions;

import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs one state-changing request per complaint at a time, without blocking a thread: each waits for the
 * previous one of the same complaint to finish (which includes its events showing to the next check, through the
 * overlay of unapplied writes), so two answers to the same offer cannot both pass the check.
 *
 * <p>A request's work runs to its end even when its client disconnects: the next request of the complaint waits
 * for the publication, never for a cancelled subscriber, so a disconnect can neither let a second answer through
 * nor leave the complaint blocked. The map holds one entry per complaint with a request running or waiting
 * (bounded by the requests being served; each work is bounded in time).
 */
final class OnePerComplaint {

    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    <T> Mono<T> run(String complaintId, Supplier<Mono<T>> work) {
        return Mono.defer(() -> {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> previous = tails.put(complaintId, mine);
            Mono<Void> turn = previous == null ? Mono.empty() : Mono.fromFuture(previous, true);
            CompletableFuture<T> result = turn.then(Mono.defer(work)).toFuture();
            result.whenComplete((value, error) -> {
                tails.remove(complaintId, mine);
                mine.complete(null);
            });
            return Mono.fromFuture(result, true);
        });
    }

    int running() {
        return tails.size();
    }
}
