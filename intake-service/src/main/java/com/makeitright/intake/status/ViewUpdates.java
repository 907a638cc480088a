package com.makeitright.intake.status;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes up requests that wait for the view to apply an event they published. Only a signal: the events
 * themselves live in the state store.
 */
@Component
class ViewUpdates {

    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<Void> expect(String eventId) {
        return waiting.computeIfAbsent(eventId, id -> new CompletableFuture<>());
    }

    void forget(String eventId, CompletableFuture<Void> expected) {
        waiting.remove(eventId, expected);
    }

    /** Called by the stream thread once the event is in the store. */
    void applied(String eventId) {
        CompletableFuture<Void> expected = waiting.remove(eventId);
        if (expected != null) {
            expected.complete(null);
        }
    }
}
