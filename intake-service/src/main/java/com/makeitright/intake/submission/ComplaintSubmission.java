package com.makeitright.intake.submission;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.intake.common.IdempotencyKeyReused;
import com.makeitright.intake.publishing.EventPublisher;
import com.makeitright.intake.status.ComplaintState;
import com.makeitright.intake.status.ComplaintViews;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes in a complaint: validates it, publishes {@code ComplaintReceived} and answers once the broker has it.
 * With an {@code Idempotency-Key} the complaint id follows from the key; a key already in the status view
 * (built from {@code complaints.received}, which carries the key, so it survives restarts) is answered from
 * there, and identical requests racing on one instance are coalesced into one publication.
 */
@Service
class ComplaintSubmission {

    /** How long a published key is remembered in memory when the view has not yet confirmed it. */
    private static final Duration UNCONFIRMED_RETENTION = Duration.ofMinutes(5);

    /** Outcome of a submission. */
    record Submitted(String complaintId, boolean replayed) {
    }

    private record InFlight(String fingerprint, CompletableFuture<Submitted> result) {
    }

    private final ComplaintRules rules;
    private final EventPublisher publisher;
    private final ComplaintViews views;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();

    ComplaintSubmission(Validator validator, Clock clock, EventPublisher publisher, ComplaintViews views) {
        this.rules = new ComplaintRules(validator, clock);
        this.publisher = publisher;
        this.views = views;
    }

    Mono<Submitted> submit(ComplaintBody body, String idempotencyKey) {
        String key = IdempotencyKeys.check(idempotencyKey);
        String complaintId = key == null ? UUID.randomUUID().toString() : IdempotencyKeys.complaintId(key);
        ComplaintReceived received = rules.received(body, complaintId, UUID.randomUUID().toString(), key);
        if (key == null) {
            return publish(received).thenReturn(new Submitted(complaintId, false));
        }
        String fingerprint = RequestFingerprint.of(received);
        InFlight mine = new InFlight(fingerprint, new CompletableFuture<>());
        InFlight running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            if (!running.fingerprint().equals(fingerprint)) {
                return Mono.error(new IdempotencyKeyReused(key, complaintId));
            }
            return Mono.fromFuture(running.result(), true).map(first -> new Submitted(first.complaintId(), true));
        }
        return views.find(complaintId)
                .flatMap(known -> known.isPresent()
                        ? Mono.just(replay(known.get(), key, fingerprint))
                        : publish(received).map(applied -> {
                            forgetWhenConfirmed(key, mine, applied);
                            return new Submitted(complaintId, false);
                        }))
                .doOnSuccess(submitted -> {
                    mine.result().complete(submitted);
                    if (submitted.replayed()) {
                        inFlight.remove(key, mine);
                    }
                })
                .doOnError(error -> {
                    inFlight.remove(key, mine);
                    mine.result().completeExceptionally(error);
                });
    }

    private static Submitted replay(ComplaintState known, String key, String fingerprint) {
        ComplaintReceived first = known.firstReceived();
        if (!key.equals(first.getIdempotencyKey()) || !RequestFingerprint.of(first).equals(fingerprint)) {
            throw new IdempotencyKeyReused(key, known.complaintId());
        }
        return new Submitted(known.complaintId(), true);
    }

    /** Publishes and waits (bounded) until the view shows it; emits whether it does. */
    private Mono<Boolean> publish(ComplaintReceived received) {
        Mono<Boolean> applied = views.whenApplied(received.getEventId());
        return publisher.publish(Topics.COMPLAINTS_RECEIVED, received.getComplaintId(), received).then(applied);
    }

    /**
     * Once the view shows the key, it answers retries; until then the in-memory entry does, so a retry that
     * arrives between the broker's acknowledgement and the view's update is not published twice.
     */
    private void forgetWhenConfirmed(String key, InFlight entry, boolean applied) {
        if (applied) {
            inFlight.remove(key, entry);
        } else {
            Mono.delay(UNCONFIRMED_RETENTION).subscribe(tick -> inFlight.remove(key, entry));
        }
    }
}
