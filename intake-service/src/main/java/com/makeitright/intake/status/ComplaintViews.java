package com.makeitright.intake.status;

import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * The status view as the rest of intake uses it: the folded state of a complaint, and a way to wait until an
 * event intake just published shows in it (so that the next request sees its own write).
 */
public interface ComplaintViews {

    /**
     * The complaint folded from every event the view has of it; empty when no complaint with this id was
     * received. Waits, bounded, until the view is ready; fails with {@link ViewUnavailable} otherwise.
     */
    Mono<Optional<ComplaintState>> find(String complaintId);

    /**
     * Starts watching for an event <em>before</em> it is published. The returned {@link Mono} emits true once the
     * view applied it, or false when it did not within the configured wait (the event is published either way).
     */
    Mono<Boolean> whenApplied(String eventId);
}
