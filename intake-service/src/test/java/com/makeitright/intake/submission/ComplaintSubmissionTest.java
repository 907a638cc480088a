package com.makeitright.intake.submission;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.intake.contacts.OpenCaseMatch;
import com.makeitright.intake.contacts.OpenCases;
import com.makeitright.intake.publishing.EventPublisher;
import com.makeitright.intake.publishing.PublishFailed;
import com.makeitright.intake.status.UnappliedWrites;
import com.makeitright.intake.testing.InMemoryViews;
import com.makeitright.intake.testing.InMemorySealing;
import com.makeitright.testing.ComplaintRequest;
import jakarta.validation.Validation;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client that disconnects while intake publishes its complaint: the publication runs to its end, the key is not
 * left in flight, and a retry (during or after) gets the same complaint without a second publication, also while
 * the view has not folded it yet. A keyed request whose work outlasts {@code answer-wait} is answered 503 while the
 * work goes on, and its retry gets the work's answer.
 */
class ComplaintSubmissionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static {
        // loading Topics trusts the event classes for Avro (AvroTrust), as the running service does at start-up;
        // RequestFingerprint copies an event (this class alone in a JVM used to fail on it)
        assertThat(Topics.COMPLAINTS_RECEIVED.name()).isNotBlank();
    }

    /** A broker that acknowledges when the test says so; the view never sees the event (it lags). */
    private static final class GatedPublisher implements EventPublisher {
        final List<SpecificRecord> published = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> acknowledge = new CompletableFuture<>();

        @Override
        public <T extends SpecificRecord> Mono<Void> publish(Topic<T> topic, String complaintId, T event) {
            return Mono.fromRunnable(() -> published.add(event)).then(Mono.fromFuture(acknowledge, true));
        }

        @Override
        public Mono<Void> publishAtomically(List<Outgoing<?>> events) {
            return Mono.error(new UnsupportedOperationException());
        }
    }

    private final UnappliedWrites unapplied = new UnappliedWrites(100, 1_000_000, Duration.ofMinutes(5), System::nanoTime);
    private final GatedPublisher publisher = new GatedPublisher();
    private final ComplaintSubmission submission = answeringWithin(Duration.ofSeconds(10));

    private static IntakeProperties properties(Duration answerWait) {
        return new IntakeProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), answerWait, null, Duration.ofSeconds(5),
                new IntakeProperties.Unapplied(100, DataSize.ofMegabytes(1), Duration.ofMinutes(5)), 100,
                new IntakeProperties.View(Duration.ofDays(1), Duration.ofDays(2), 100, Duration.ofMinutes(1)),
                new IntakeProperties.PersonalData(Duration.ofDays(365), Duration.ofHours(1)));
    }

    private static ComplaintBody body(ComplaintRequest request) {
        JsonMapper json = JsonMapper.builder().build();
        return json.readValue(json.writeValueAsString(request), ComplaintBody.class);
    }

    @Test
    void aDisconnectWhilePublishingNeitherJamsTheKeyNorPublishesTwice() {
        ComplaintBody body = body(ComplaintRequest.aComplaint());
        String key = "disconnect-" + java.util.UUID.randomUUID();

        Disposable firstClient = submission.submit(body, key).subscribe();
        firstClient.dispose(); // the client went away while the broker had not acknowledged yet
        Mono<ComplaintSubmission.Submitted> retryDuring = submission.submit(body, key);
        publisher.acknowledge.complete(null);

        ComplaintSubmission.Submitted during = retryDuring.block(PATIENCE);
        ComplaintSubmission.Submitted after = submission.submit(body, key).block(PATIENCE);

        assertThat(during).isEqualTo(new ComplaintSubmission.Submitted(IdempotencyKeys.complaintId(key), true));
        assertThat(after).isEqualTo(new ComplaintSubmission.Submitted(IdempotencyKeys.complaintId(key), true));
        assertThat(publisher.published).hasSize(1);
        // answered from the overlay: the view never folded the event here
        assertThat(unapplied.events(IdempotencyKeys.complaintId(key))).hasSize(1);
    }

    @Test
    void aRetryWithAnotherBodyBeforeTheViewCaughtUpIsRefused() {
        String key = "other-body-" + java.util.UUID.randomUUID();
        publisher.acknowledge.complete(null);
        submission.submit(body(ComplaintRequest.aComplaint()), key).block(PATIENCE);

        Mono<ComplaintSubmission.Submitted> other = submission.submit(
                body(ComplaintRequest.aComplaint().withSubject("Something else entirely")), key);

        assertThat(other.onErrorResume(e -> Mono.just(new ComplaintSubmission.Submitted(e.getClass().getSimpleName(),
                false))).block(PATIENCE)).extracting(ComplaintSubmission.Submitted::complaintId)
                .isEqualTo("IdempotencyKeyReused");
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void aKeyedRequestStillBeingTakenInIsAnswered503AndItsRetryGetsTheComplaint() {
        ComplaintSubmission impatient = impatient();
        ComplaintBody body = body(ComplaintRequest.aComplaint());
        String key = "slow-" + java.util.UUID.randomUUID();

        // the broker has not acknowledged: the answer comes from the answer wait, not from the work
        assertThatThrownBy(() -> impatient.submit(body, key).block(PATIENCE))
                .isInstanceOf(PublishFailed.class).hasMessageContaining("still being taken in");
        assertThat(publisher.acknowledge).isNotDone();
        Mono<ComplaintSubmission.Submitted> retry = impatient.submit(body, key);
        publisher.acknowledge.complete(null);

        assertThat(retry.block(PATIENCE))
                .isEqualTo(new ComplaintSubmission.Submitted(IdempotencyKeys.complaintId(key), true));
        assertThat(publisher.published).hasSize(1);
    }

    /** Run S: keyless POSTs waited past the helpdesk's 15 s on a customer's open cases while intake caught up. */
    @Test
    void aRequestWithoutAKeyNotPublishingYetAtTheAnswerWaitIsStoppedAnd503WithNothingPublished() {
        CompletableFuture<Optional<OpenCaseMatch>> openCasesRead = new CompletableFuture<>();
        ComplaintSubmission impatient = answeringWithin(Duration.ofMillis(100), incoming -> Mono.fromFuture(openCasesRead));

        assertThatThrownBy(() -> impatient.submit(body(ComplaintRequest.aComplaint()), null).block(PATIENCE))
                .isInstanceOf(PublishFailed.class).hasMessageContaining("nothing was published");
        openCasesRead.complete(Optional.empty()); // the read ends after the answer: the work must not publish now
        publisher.acknowledge.complete(null);

        assertThat(publisher.published).isEmpty();
    }

    @Test
    void aRequestWithoutAKeyAlreadyPublishingIsAnsweredByItsPublicationPastTheAnswerWait() {
        ComplaintSubmission impatient = impatient();
        // acknowledged well after the 100 ms answer wait: a publication under way is not cut off, its answer says
        CompletableFuture.delayedExecutor(500, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> publisher.acknowledge.complete(null));

        ComplaintSubmission.Submitted submitted = impatient.submit(body(ComplaintRequest.aComplaint()), null)
                .block(PATIENCE);

        assertThat(submitted.replayed()).isFalse();
        assertThat(publisher.published).hasSize(1);
    }

    private ComplaintSubmission impatient() {
        return answeringWithin(Duration.ofMillis(100));
    }

    private ComplaintSubmission answeringWithin(Duration answerWait) {
        return answeringWithin(answerWait, incoming -> Mono.just(Optional.empty()));
    }

    private ComplaintSubmission answeringWithin(Duration answerWait, OpenCases openCases) {
        return new ComplaintSubmission(Validation.buildDefaultValidatorFactory().getValidator(), Clock.systemUTC(),
                publisher, new InMemoryViews(unapplied), openCases, unapplied, new InMemorySealing(),
                (topic, key) -> Mono.empty(), properties(answerWait));
    }
}
