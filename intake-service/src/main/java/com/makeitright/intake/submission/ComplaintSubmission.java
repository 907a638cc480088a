package com.makeitright.intake.submission;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintContactAdded;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ExternalReference;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.intake.common.IdempotencyKeyReused;
import com.makeitright.intake.common.RecentKeys;
import com.makeitright.intake.contacts.OpenCaseMatch;
import com.makeitright.intake.contacts.OpenCases;
import com.makeitright.intake.privacy.Sealing;
import com.makeitright.intake.publishing.EventPublisher;
import com.makeitright.intake.publishing.PublishFailed;
import com.makeitright.intake.status.ComplaintState;
import com.makeitright.intake.status.ComplaintViews;
import com.makeitright.intake.status.InDoubtWrites;
import com.makeitright.intake.status.RecordedEvent;
import com.makeitright.intake.status.UnappliedWrites;
import com.makeitright.intake.status.ViewCatchUp;
import jakarta.validation.Validator;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Takes in a complaint: validates it, publishes {@code ComplaintReceived} and answers once the broker has it
 * ({@code acks=all}), not once the status view folded it: until then {@link UnappliedWrites} shows it to GETs and
 * retries. With an {@code Idempotency-Key} the complaint id and the event id follow from the key; a key the view
 * (built from {@code complaints.received}, which carries the key, so it survives restarts) or the overlay knows is
 * answered from there, and identical requests racing on one instance are coalesced into one publication.
 *
 * <p>The work of a request runs to its end whether or not the client stays: a client that disconnects while
 * intake publishes neither cancels the publication halfway nor leaves its key in flight; its retry gets the
 * answer the work came to. In-flight keys are bounded in number ({@code in-flight-max-keys}) and in time (every
 * wait in the work is bounded). A request is answered within {@code answer-wait}, shorter than a helpdesk's own
 * timeout: past it a keyed request's 503 says "retry" while the work goes on for the retry to join, and a request
 * without a key that is not being published yet is stopped and answered 503 with nothing published.
 */
@Service
public class ComplaintSubmission {

    /**
     * Outcome of a submission.
     *
     * @param contactNumber 0 for a new complaint; for a repeat contact merged into the open case {@code complaintId},
     *                      how many times the customer has written about it in this round (2 and up)
     * @param stage         the case's stage as this answer saw it
     */
    public record Submitted(String complaintId, boolean replayed, int contactNumber, String stage) {
        public Submitted(String complaintId, boolean replayed) {
            this(complaintId, replayed, 0, "RECEIVED");
        }

        public boolean merged() {
            return contactNumber > 0;
        }
    }

    private record InFlight(String fingerprint, CompletableFuture<Submitted> result) {
    }

    private final ComplaintRules rules;
    private final EventPublisher publisher;
    private final ComplaintViews views;
    private final OpenCases openCases;
    private final Clock clock;
    private final UnappliedWrites unapplied;
    private final Sealing keys;
    private final int maxInFlight;
    private final Duration workLimit;
    private final Duration answerWait;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final ViewCatchUp catchUp;
    private final InDoubtWrites inDoubt;
    /**
     * Keys whose complaint was merged as a repeat contact, with the case it went into: the complaint id their retry
     * looks up never exists, and by the retry the case may have closed, so matching again would merge it into another
     * case as a copy. At most {@code in-flight-max-keys} (the oldest forgotten first), each for the view's
     * {@code closed-grace}.
     */
    private final RecentKeys<String> mergedInto;

    ComplaintSubmission(Validator validator, Clock clock, EventPublisher publisher, ComplaintViews views,
                        OpenCases openCases, UnappliedWrites unapplied, Sealing keys, ViewCatchUp catchUp,
                        IntakeProperties properties) {
        this.rules = new ComplaintRules(validator, clock);
        this.publisher = publisher;
        this.views = views;
        this.openCases = openCases;
        this.clock = clock;
        this.unapplied = unapplied;
        this.keys = keys;
        this.maxInFlight = properties.inFlightMaxKeys();
        this.catchUp = catchUp;
        this.inDoubt = new InDoubtWrites(properties.inFlightMaxKeys(), properties.unapplied().ttl(), System::nanoTime,
                catchUp, properties.publishTimeout());
        // honoured as long as a new complaint's key is (the view keeps a closed case that long), bounded by count:
        // a client's last retry may come minutes later (drill run K: 5 min 15 s, past the overlay's TTL)
        this.mergedInto = new RecentKeys<>(properties.inFlightMaxKeys(), properties.view().closedGrace(),
                () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
        // the end of a send in doubt and the publication (each up to publish-timeout), a catch-up after an unknown
        // outcome and the view's readiness wait (each up to ready-wait), the reads of the complaint and of the
        // customer's open cases while partitions move (each up to move-wait): the longest a key stays in flight
        this.workLimit = properties.readyWait().multipliedBy(2).plus(properties.moveWait().multipliedBy(2))
                .plus(properties.publishTimeout().multipliedBy(2)).plusSeconds(1);
        this.answerWait = properties.answerWait();
    }

    Mono<Submitted> submit(ComplaintBody body, String idempotencyKey) {
        return Mono.defer(() -> {
            String key = IdempotencyKeys.check(idempotencyKey);
            String complaintId = key == null ? UUID.randomUUID().toString() : IdempotencyKeys.complaintId(key);
            String eventId = key == null ? UUID.randomUUID().toString() : IdempotencyKeys.eventId(key);
            ComplaintReceived received = rules.received(body, complaintId, eventId, key);
            if (key == null) {
                return withoutKey(received);
            }
            return submitOnce(key, received);
        });
    }

    /**
     * Takes in a helpdesk ticket (a webhook) through the same rules and the same Idempotency-Key machinery as
     * {@code POST /api/complaints}, keyed by the business key {@code system:ticketId}: every delivery of one ticket,
     * on any instance and after any restart, is one complaint. A later delivery whose mapped body differs (the
     * ticket was edited between two deliveries) is answered as the first one: the first body wins, as a 422 would
     * only make the helpdesk retry it for hours.
     */
    public Mono<Submitted> submitTicket(HelpdeskComplaint ticket) {
        return Mono.defer(() -> {
            String key = IdempotencyKeys.check(ticket.system() + ":" + ticket.ticketId());
            String complaintId = IdempotencyKeys.complaintId(key);
            ExternalReference reference = ExternalReference.newBuilder()
                    .setSystem(ticket.system()).setTicketId(ticket.ticketId()).setUrl(ticket.url()).build();
            ComplaintReceived received = rules.received(ticket.body(), complaintId,
                    IdempotencyKeys.eventId(key), key, reference);
            return submitOnce(key, received)
                    .onErrorResume(IdempotencyKeyReused.class, e -> Mono.just(new Submitted(complaintId, true)));
        });
    }

    private Mono<Submitted> submitOnce(String key, ComplaintReceived received) {
        String complaintId = received.getComplaintId();
        String fingerprint = RequestFingerprint.of(received);
        InFlight running = inFlight.get(key);
        if (running == null && inFlight.size() >= maxInFlight) {
            return Mono.error(new PublishFailed("Too many requests with an Idempotency-Key are being published ("
                    + maxInFlight + "); nothing was published", null));
        }
        InFlight mine = new InFlight(fingerprint, new CompletableFuture<>());
        running = running != null ? running : inFlight.putIfAbsent(key, mine);
        if (running != null) {
            if (!running.fingerprint().equals(fingerprint)) {
                return Mono.error(new IdempotencyKeyReused(key, complaintId));
            }
            return answer(running.result()).map(first -> new Submitted(first.complaintId(), true));
        }
        // the last attempt's event may be on the broker without the view showing it yet (its send's outcome is
        // unknown, or another instance holds it and no longer shows here): wait until the view would show it
        String eventId = received.getEventId();
        Mono<Void> settled = inDoubt.contains(key)
                ? inDoubt.settled(key)
                : unapplied.unconfirmed(eventId)
                        .map(remote -> catchUp.caughtUpWith(remote.topic(), remote.complaintId())
                                .doOnSuccess(caughtUp -> unapplied.confirmed(eventId)))
                        .orElse(Mono.empty());
        Mono<Submitted> work = settled.then(views.find(complaintId))
                .flatMap(known -> known.isPresent()
                        ? Mono.just(replay(known.get(), key, fingerprint, keys))
                        : mergedBefore(key, received).switchIfEmpty(Mono.defer(() -> takeIn(received,
                        new PublicationGate()))));
        CompletableFuture<Submitted> result = start(work);
        // the overlay (or the view) knows the key before the in-flight entry goes: no gap for a retry to slip through
        result.whenComplete((submitted, error) -> {
            inFlight.remove(key, mine);
            if (error == null) {
                mine.result().complete(submitted);
            } else {
                mine.result().completeExceptionally(error);
            }
        });
        return answer(result);
    }

    /**
     * The work's answer, or after {@code answer-wait} a 503 while the work goes on: a retry with the same key joins the
     * work still in flight (or finds what it did), so a client whose own timeout is shorter than the work's bound
     * hears "retry" instead of nothing. Run P of the drill: 464 complaints never accepted, every POST of theirs cut
     * off by the simulated helpdesk's 15 s while intake caught up after a restart.
     */
    private Mono<Submitted> answer(CompletableFuture<Submitted> work) {
        return Mono.fromFuture(work, true).timeout(answerWait, Mono.error(() -> new PublishFailed(
                "Not answered within " + answerWait + ": the complaint is still being taken in", null)));
    }

    /**
     * A new complaint, or a repeat contact when the customer has an open case it matches ({@code OpenCases}): then
     * {@code ComplaintContactAdded} on that case instead, with the same event id a {@code ComplaintReceived} would
     * have had, so a retry (same Idempotency-Key, same helpdesk ticket) finds its contact in the case and publishes
     * nothing.
     */
    private Mono<Submitted> takeIn(ComplaintReceived received, PublicationGate gate) {
        return openCases.match(received).flatMap(match -> match.isEmpty()
                ? publish(received, gate).thenReturn(new Submitted(received.getComplaintId(), false))
                : views.find(match.get().complaintId()).flatMap(open -> open.isEmpty()
                        // the case left the view since the match (purged): a new complaint, as for any closed case
                        ? publish(received, gate).thenReturn(new Submitted(received.getComplaintId(), false))
                        : addContact(open.get(), match.get(), received, gate)));
    }

    /**
     * A POST without a key, answered within {@code answer-wait} too. Past it, a work that has not started publishing
     * is stopped and answers 503 with nothing published, which its client may safely send again (without a key a
     * retry of a complaint that was published would be a second complaint); a work already publishing is answered by
     * its publication (within {@code publish-timeout}). Drill run S: keyless POSTs waited past the simulated helpdesk's
     * 15 s while intake caught up, their works piled up behind each retry, and 536 complaints were never accepted.
     */
    private Mono<Submitted> withoutKey(ComplaintReceived received) {
        PublicationGate gate = new PublicationGate();
        CompletableFuture<Submitted> work = start(takeIn(received, gate));
        return Mono.fromFuture(work, true).timeout(answerWait, Mono.defer(() -> {
            if (!gate.cutOff()) {
                return Mono.fromFuture(work, true);
            }
            work.cancel(true); // it publishes nothing now: stop its reads too
            return Mono.error(new PublishFailed("Not taken within " + answerWait + "; nothing was published", null));
        }));
    }

    /**
     * The answer to a retry whose first attempt was merged into a case this instance remembers, when that case shows
     * the contact (in its view or this instance's overlay); empty otherwise, and the retry is decided as a new one.
     */
    private Mono<Submitted> mergedBefore(String key, ComplaintReceived received) {
        String caseId = mergedInto.get(key);
        if (caseId == null) {
            return Mono.empty();
        }
        return views.find(caseId).flatMap(known -> Mono.justOrEmpty(known
                .flatMap(state -> contactReplayed(state, received.getEventId()))));
    }

    /** The contact with this event id already in the case, answered as a replay. */
    private static Optional<Submitted> contactReplayed(ComplaintState open, String eventId) {
        return open.event(eventId).map(recorded -> new Submitted(open.complaintId(), true,
                ((ComplaintContactAdded) recorded.event()).getContactNumber(), open.stage().name()));
    }

    private Mono<Submitted> addContact(ComplaintState open, OpenCaseMatch match, ComplaintReceived received,
                                       PublicationGate gate) {
        Optional<Submitted> replayed = contactReplayed(open, received.getEventId());
        if (replayed.isPresent()) {
            return Mono.just(replayed.get());
        }
        int contactNumber = open.contacts() + 1;
        ComplaintContactAdded contact = ComplaintContactAdded.newBuilder()
                .setEventId(received.getEventId())
                .setComplaintId(open.complaintId())
                .setOccurredAt(clock.instant())
                .setCausationId(open.received().getEventId())
                .setRound(open.round())
                .setContactNumber(contactNumber)
                .setMatchedBy(match.matchedBy())
                .setCustomerId(received.getCustomer().getId())
                .setChannel(received.getChannel())
                .setSubject(received.getSubject())
                .setDescription(received.getDescription())
                .setOrderId(received.getOrder() == null ? null : received.getOrder().getId())
                .setExternalSystem(received.getExternalReference() == null ? null
                        : received.getExternalReference().getSystem())
                .setExternalTicketId(received.getExternalReference() == null ? null
                        : received.getExternalReference().getTicketId())
                .setIdempotencyKey(received.getIdempotencyKey())
                .build();
        return publish(Topics.CONTACTS_ADDED, contact.getComplaintId(), contact, contact.getIdempotencyKey(), gate)
                .doOnSuccess(published -> {
                    if (contact.getIdempotencyKey() != null) {
                        mergedInto.put(contact.getIdempotencyKey(), open.complaintId());
                    }
                })
                .thenReturn(new Submitted(open.complaintId(), false, contactNumber, open.stage().name()));
    }

    private static Submitted replay(ComplaintState known, String key, String fingerprint, Sealing keys) {
        // the fingerprint is of what the client sent: the stored complaint's contact details are sealed
        ComplaintReceived first = (ComplaintReceived) keys.open(null, known.firstReceived());
        if (!key.equals(first.getIdempotencyKey()) || !RequestFingerprint.of(first).equals(fingerprint)) {
            throw new IdempotencyKeyReused(key, known.complaintId());
        }
        return new Submitted(known.complaintId(), true);
    }

    /**
     * Seals the contact details and publishes; once the broker acknowledged, the complaint shows (overlay) until the
     * view has it.
     */
    private Mono<Void> publish(ComplaintReceived plain, PublicationGate gate) {
        return keys.seal(plain).flatMap(received -> publish(Topics.COMPLAINTS_RECEIVED, received.getComplaintId(),
                received, received.getIdempotencyKey(), gate));
    }

    /**
     * Publishes; once the broker acknowledged, the event shows (overlay) until the view has it. A send that failed or
     * was cut off may still have reached the broker: its key is then in doubt until a retry saw the view catch up.
     */
    private <T extends SpecificRecord> Mono<Void> publish(Topic<T> topic, String complaintId, T event,
                                                          String idempotencyKey, PublicationGate gate) {
        return Mono.defer(() -> {
            if (!gate.publishing()) {
                return Mono.error(new PublishFailed("The request was answered before this could be published", null));
            }
            UnappliedWrites.Reservation reservation = unapplied.reserve(List.of(new RecordedEvent(topic, event)));
            Consumer<Throwable> unknown = failure -> {
                reservation.cancel();
                if (idempotencyKey != null) {
                    inDoubt.add(idempotencyKey, List.of(topic), complaintId, failure);
                }
            };
            // the overlay's entry and the record share one encoding
            return publisher.publishAt(topic, complaintId, event, reservation.avro(0))
                    .doOnSuccess(written -> reservation.published(written.partition(), written.offset()))
                    .doOnError(unknown)
                    .doOnCancel(() -> unknown.accept(null))
                    .then();
        });
    }

    /**
     * Whether a work may start publishing, decided once against its answer's deadline: the first of
     * {@link #publishing()} and {@link #cutOff()} wins.
     */
    private static final class PublicationGate {
        private static final int DECIDING = 0;
        private static final int PUBLISHING = 1;
        private static final int CUT_OFF = 2;
        private final AtomicInteger state = new AtomicInteger(DECIDING);

        boolean publishing() {
            return state.compareAndSet(DECIDING, PUBLISHING) || state.get() == PUBLISHING;
        }

        /** True when no publication has started, and none will. */
        boolean cutOff() {
            return state.compareAndSet(DECIDING, CUT_OFF);
        }
    }

    /** Keys whose last publication's outcome is unknown (for tests and metrics). */
    int inDoubt() {
        return inDoubt.size();
    }

    /** Starts the work now, independent of the HTTP request's subscription, and bounded in time. */
    private CompletableFuture<Submitted> start(Mono<Submitted> work) {
        return work.timeout(workLimit)
                .onErrorMap(TimeoutException.class, e -> new PublishFailed("The complaint was not taken within "
                        + workLimit + "; it may not have been published", e))
                .toFuture();
    }
}
