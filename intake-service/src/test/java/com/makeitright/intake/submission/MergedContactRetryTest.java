package com.makeitright.intake.submission;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintContactAdded;
import com.makeitright.events.ContactMatch;
import com.makeitright.intake.contacts.OpenCaseMatch;
import com.makeitright.intake.publishing.EventPublisher;
import com.makeitright.intake.status.UnappliedWrites;
import com.makeitright.intake.testing.InMemorySealing;
import com.makeitright.intake.testing.InMemoryViews;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.Events;
import com.makeitright.testing.MutableClock;
import jakarta.validation.Validation;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repeat contact is merged into the customer's open case, so the complaint id its Idempotency-Key names never
 * exists. Its retry used to match again: once that case had closed (the scale-out drill's one customer and order
 * closed a case while its retries were still coming), the retry went into the customer's next case as an exact copy
 * (11 in drill run G). Now the retry is answered from the case the first attempt went into.
 */
class MergedContactRetryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<SpecificRecord> published = new CopyOnWriteArrayList<>();
    private final UnappliedWrites unapplied = new UnappliedWrites(100, 1_000_000, Duration.ofMinutes(5), System::nanoTime);
    private final InMemoryViews views = new InMemoryViews(unapplied);
    private final String firstCase = UUID.randomUUID().toString();
    private final String nextCase = UUID.randomUUID().toString();
    /** The customer's open case a contact matches: the first, until it closes. */
    private volatile String openCase = firstCase;

    private final EventPublisher broker = new EventPublisher() {
        @Override
        public <T extends SpecificRecord> Mono<Void> publish(Topic<T> topic, String complaintId, T event) {
            return Mono.fromRunnable(() -> {
                published.add(event);
                views.record(topic, complaintId, event);
            });
        }

        @Override
        public Mono<Void> publishAtomically(List<Outgoing<?>> events) {
            return Mono.error(new UnsupportedOperationException());
        }
    };

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T18:34:50Z"));
    private final ComplaintSubmission submission = new ComplaintSubmission(
            Validation.buildDefaultValidatorFactory().getValidator(), clock, broker, views,
            incoming -> Mono.just(Optional.of(new OpenCaseMatch(openCase, ContactMatch.SAME_ORDER))), unapplied,
            new InMemorySealing(), (topic, recordKey) -> Mono.empty(), InDoubtRetryTest.properties());

    @Test
    void aRetryAfterTheCaseItWasMergedIntoClosedIsAnsweredFromThatCaseNotMergedIntoTheNext() {
        views.record(Topics.COMPLAINTS_RECEIVED, firstCase, Events.received(firstCase).build());
        views.record(Topics.COMPLAINTS_RECEIVED, nextCase, Events.received(nextCase).build());
        String key = "merged-" + UUID.randomUUID();
        ComplaintBody body = InDoubtRetryTest.body(ComplaintRequest.aComplaint());

        ComplaintSubmission.Submitted first = submission.submit(body, key).block(PATIENCE);
        assertThat(first.complaintId()).isEqualTo(firstCase);
        assertThat(first.merged()).isTrue();
        assertThat(published).hasSize(1).first().isInstanceOf(ComplaintContactAdded.class);

        openCase = nextCase; // the first case closed: a new contact now matches the next one
        ComplaintSubmission.Submitted retry = submission.submit(body, key).block(PATIENCE);

        assertThat(retry).isEqualTo(new ComplaintSubmission.Submitted(firstCase, true, first.contactNumber(),
                first.stage()));
        assertThat(published).as("nothing published again, in no case").hasSize(1);
    }

    /** Drill run K: the client's last retry came 5 min 15 s after its first attempt, past the overlay's TTL. */
    @Test
    void aRetryMinutesLaterPastTheOverlaysTtlIsStillAnsweredFromTheCaseItWentInto() {
        ComplaintSubmission.Submitted retry = mergedThenRetriedAfter(
                InDoubtRetryTest.properties().unapplied().ttl().plusSeconds(15));

        assertThat(retry.complaintId()).isEqualTo(firstCase);
        assertThat(retry.replayed()).isTrue();
        assertThat(published).as("nothing published again, in no case").hasSize(1);
    }

    /** The memory is bounded in time too: past the view's closed-grace the key is decided by matching again. */
    @Test
    void aKeyIsForgottenOnceTheViewsClosedGraceHasPassed() {
        ComplaintSubmission.Submitted late = mergedThenRetriedAfter(
                InDoubtRetryTest.properties().view().closedGrace().plusMinutes(1));

        assertThat(late.complaintId()).isEqualTo(nextCase);
        assertThat(published).hasSize(2);
    }

    /** A contact merged into the first case; {@code later}, with the next case the open one, its key retried. */
    private ComplaintSubmission.Submitted mergedThenRetriedAfter(Duration later) {
        views.record(Topics.COMPLAINTS_RECEIVED, firstCase, Events.received(firstCase).build());
        views.record(Topics.COMPLAINTS_RECEIVED, nextCase, Events.received(nextCase).build());
        String key = "merged-" + UUID.randomUUID();
        ComplaintBody body = InDoubtRetryTest.body(ComplaintRequest.aComplaint());
        assertThat(submission.submit(body, key).block(PATIENCE).complaintId()).isEqualTo(firstCase);

        clock.advance(later);
        openCase = nextCase;
        return submission.submit(body, key).block(PATIENCE);
    }

    @Test
    void anotherKeyOfTheSameCustomerStillGoesIntoTheOpenCase() {
        views.record(Topics.COMPLAINTS_RECEIVED, firstCase, Events.received(firstCase).build());
        views.record(Topics.COMPLAINTS_RECEIVED, nextCase, Events.received(nextCase).build());
        ComplaintBody body = InDoubtRetryTest.body(ComplaintRequest.aComplaint());
        submission.submit(body, "merged-" + UUID.randomUUID()).block(PATIENCE);

        openCase = nextCase;
        ComplaintSubmission.Submitted other = submission.submit(body, "other-" + UUID.randomUUID()).block(PATIENCE);

        assertThat(other.complaintId()).isEqualTo(nextCase);
        assertThat(other.replayed()).isFalse();
        assertThat(published).hasSize(2);
    }
}
