package com.makeitright.intake.status;

import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * The status view as the rest of intake uses it: the folded state of a complaint, including the events this
 * instance published that the view's stream has not folded yet (so every request sees its own writes).
 */
public interface ComplaintViews {

    /**
     * The complaint folded from every event the view has of it; empty when no complaint with this id was
     * received. Waits, bounded, until the view is ready; fails with {@link ViewUnavailable} otherwise.
     */
    Mono<Optional<ComplaintState>> find(String complaintId);
}
