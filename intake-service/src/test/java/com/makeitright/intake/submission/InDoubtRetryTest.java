package com.makeitright.intake.submission;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.intake.publishing.EventPublisher;
import com.makeitright.intake.publishing.PublishFailed;
import com.makeitright.intake.status.UnappliedWrites;
import com.makeitright.intake.status.ViewCatchUp;
import com.makeitright.intake.status.ViewUnavailable;
import com.makeitright.intake.testing.InMemorySealing;
import com.makeitright.intake.testing.InMemoryViews;
import com.makeitright.testing.ComplaintRequest;
import jakarta.validation.Validation;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A send whose outcome is unknown (the broker's acknowledgement timed out): the broker may or may not have the event.
 * The retry with the same Idempotency-Key waits until the view caught up with the event's partition and then decides:
 * the event is there, so it answers the same complaint and publishes nothing; or it is not, so it publishes. Until
 * the view caught up (and until a send the request's timeout cut off has ended) the retry answers 503 or waits, and
 * publishes nothing. (The wait itself, on a real broker:
 * {@code IntakeWritesIT}; the whole story under a broker kill: the scale-out drill.)
 */
class InDoubtRetryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    static {
        assertThat(Topics.COMPLAINTS_RECEIVED.name()).isNotBlank();
    }

    /** What the broker ends up holding, and whether each send's acknowledgement reaches intake. */
    private final class Broker implements EventPublisher {
        final List<SpecificRecord> appended = new CopyOnWriteArrayList<>();
        volatile boolean appends = true;
        volatile boolean acknowledges = true;
        /** Set: the next send is cut off by the request's timeout and appended once the test completes this. */
        volatile CompletableFuture<Void> cutOff;

        @Override
        public <T extends SpecificRecord> Mono<Void> publish(Topic<T> topic, String complaintId, T event) {
            return Mono.defer(() -> {
                CompletableFuture<Void> late = cutOff;
                if (late != null) {
                    cutOff = null;
                    CompletableFuture<Void> attempt = late.thenRun(() -> {
                        appended.add(event);
                        viewFolds.add(() -> views.record(topic, complaintId, event));
                    });
                    return Mono.error(new PublishFailed("The broker did not acknowledge ComplaintReceived within PT5S",
                            null, Duration.ofSeconds(1), attempt));
                }
                if (appends) {
                    appended.add(event);
                    viewFolds.add(() -> views.record(topic, complaintId, event));
                }
                return acknowledges ? Mono.empty() : Mono.error(new PublishFailed(
                        "The broker did not acknowledge ComplaintReceived within PT5S", null));
            });
        }

        @Override
        public Mono<Void> publishAtomically(List<Outgoing<?>> events) {
            return Mono.error(new UnsupportedOperationException());
        }
    }

    private final UnappliedWrites unapplied = new UnappliedWrites(100, 1_000_000, Duration.ofMinutes(5), System::nanoTime);
    private final InMemoryViews views = new InMemoryViews(unapplied);
    /** Events on the broker the view has not folded yet: a catch-up folds them. */
    private final List<Runnable> viewFolds = new CopyOnWriteArrayList<>();
    private final AtomicInteger catchUps = new AtomicInteger();
    private volatile boolean viewCatchesUp = true;
    private final ViewCatchUp catchUp = (topic, recordKey) -> Mono.defer(() -> {
        catchUps.incrementAndGet();
        if (!viewCatchesUp) {
            return Mono.error(new ViewUnavailable("The status view has not caught up", null));
        }
        viewFolds.forEach(Runnable::run);
        viewFolds.clear();
        return Mono.empty();
    });
    private final Broker broker = new Broker();
    private final ComplaintSubmission submission = new ComplaintSubmission(
            Validation.buildDefaultValidatorFactory().getValidator(), Clock.systemUTC(), broker, views,
            incoming -> Mono.just(Optional.empty()), unapplied, new InMemorySealing(), catchUp,
            properties());
    private final ComplaintBody body = body(ComplaintRequest.aComplaint());

    static IntakeProperties properties() {
        return new IntakeProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10), null, Duration.ofSeconds(5),
                new IntakeProperties.Unapplied(100, DataSize.ofMegabytes(1), Duration.ofMinutes(5)), 100,
                new IntakeProperties.View(Duration.ofDays(1), Duration.ofDays(2), 100, Duration.ofMinutes(1)),
                new IntakeProperties.PersonalData(Duration.ofDays(365), Duration.ofHours(1)));
    }

    static ComplaintBody body(ComplaintRequest request) {
        JsonMapper json = JsonMapper.builder().build();
        return json.readValue(json.writeValueAsString(request), ComplaintBody.class);
    }

    @Test
    void anAppendWhoseAcknowledgementWasLostIsFoundByTheRetryNotPublishedAgain() {
        String key = "lost-ack-" + java.util.UUID.randomUUID();
        broker.acknowledges = false;
        assertThatThrownBy(() -> submission.submit(body, key).block(PATIENCE)).isInstanceOf(PublishFailed.class);
        assertThat(submission.inDoubt()).isEqualTo(1);

        broker.acknowledges = true;
        ComplaintSubmission.Submitted retry = submission.submit(body, key).block(PATIENCE);

        assertThat(retry).isEqualTo(new ComplaintSubmission.Submitted(IdempotencyKeys.complaintId(key), true));
        assertThat(broker.appended).hasSize(1);
        assertThat(catchUps).hasValue(1);
        assertThat(submission.inDoubt()).isZero();
    }

    @Test
    void aSendThatNeverReachedTheBrokerIsPublishedByTheRetryAfterTheCatchUp() {
        String key = "never-sent-" + java.util.UUID.randomUUID();
        broker.appends = false;
        broker.acknowledges = false;
        assertThatThrownBy(() -> submission.submit(body, key).block(PATIENCE)).isInstanceOf(PublishFailed.class);

        broker.appends = true;
        broker.acknowledges = true;
        ComplaintSubmission.Submitted retry = submission.submit(body, key).block(PATIENCE);

        assertThat(retry).isEqualTo(new ComplaintSubmission.Submitted(IdempotencyKeys.complaintId(key), false));
        assertThat(broker.appended).hasSize(1);
        assertThat(catchUps).hasValue(1);
    }

    @Test
    void aRetryBeforeTheViewCaughtUpAnswers503AndPublishesNothingAndTheKeyStaysInDoubt() {
        String key = "view-behind-" + java.util.UUID.randomUUID();
        broker.acknowledges = false;
        assertThatThrownBy(() -> submission.submit(body, key).block(PATIENCE)).isInstanceOf(PublishFailed.class);
        broker.acknowledges = true;
        viewCatchesUp = false;

        assertThatThrownBy(() -> submission.submit(body, key).block(PATIENCE)).isInstanceOf(ViewUnavailable.class);
        assertThat(broker.appended).hasSize(1);
        assertThat(submission.inDoubt()).isEqualTo(1);

        viewCatchesUp = true;
        assertThat(submission.submit(body, key).block(PATIENCE).replayed()).isTrue();
        assertThat(broker.appended).hasSize(1);
    }

    /**
     * Drill run N: the request's timeout cut off the wait for a send that then went on (a broker restarting), and its
     * event became visible after the retry had looked. The retry waits for that send to end before it looks.
     */
    @Test
    void aRetryWaitsForTheSendItsAttemptCutOffAndFindsItsEvent() {
        String key = "cut-off-" + java.util.UUID.randomUUID();
        CompletableFuture<Void> acknowledgedLate = new CompletableFuture<>();
        broker.cutOff = acknowledgedLate;
        assertThatThrownBy(() -> submission.submit(body, key).block(PATIENCE)).isInstanceOf(PublishFailed.class);

        CompletableFuture<ComplaintSubmission.Submitted> retry = submission.submit(body, key).toFuture();
        assertThat(retry).as("decided before the first send ended").isNotDone();
        assertThat(broker.appended).isEmpty();
        acknowledgedLate.complete(null);

        assertThat(retry).succeedsWithin(PATIENCE)
                .isEqualTo(new ComplaintSubmission.Submitted(IdempotencyKeys.complaintId(key), true));
        assertThat(broker.appended).hasSize(1);
        assertThat(submission.inDoubt()).isZero();
    }

    @Test
    void aKeyWhoseSendSucceededIsDecidedWithoutACatchUp() {
        String key = "fine-" + java.util.UUID.randomUUID();
        submission.submit(body, key).block(PATIENCE);
        submission.submit(body, key).block(PATIENCE);

        assertThat(broker.appended).hasSize(1);
        assertThat(catchUps).hasValue(0);
    }

    /**
     * Another instance holds the complaint: this one showed its write for the short remote TTL only, and the holder's
     * view lags. The retry after that TTL waits for the holder's view instead of publishing a copy.
     */
    @Test
    void aRetryAfterTheRemoteOverlayTtlWaitsForTheHoldersViewInsteadOfPublishingACopy() {
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        UnappliedWrites remoteOverlay = new UnappliedWrites(100, 1_000_000, Duration.ofMinutes(5),
                Duration.ofSeconds(10), complaintId -> false, nanos::get);
        InMemoryViews holder = new InMemoryViews(remoteOverlay);
        List<Runnable> holderFolds = new CopyOnWriteArrayList<>();
        List<SpecificRecord> appended = new CopyOnWriteArrayList<>();
        EventPublisher acknowledging = new EventPublisher() {
            @Override
            public <T extends SpecificRecord> Mono<Void> publish(Topic<T> topic, String complaintId, T event) {
                return Mono.fromRunnable(() -> {
                    appended.add(event);
                    holderFolds.add(() -> holder.record(topic, complaintId, event));
                });
            }

            @Override
            public Mono<Void> publishAtomically(List<Outgoing<?>> events) {
                return Mono.error(new UnsupportedOperationException());
            }
        };
        ComplaintSubmission elsewhere = new ComplaintSubmission(
                Validation.buildDefaultValidatorFactory().getValidator(), Clock.systemUTC(), acknowledging, holder,
                incoming -> Mono.just(Optional.empty()), remoteOverlay, new InMemorySealing(), (topic, recordKey) -> {
                    catchUps.incrementAndGet();
                    holderFolds.forEach(Runnable::run);
                    return Mono.empty();
                }, properties());
        String key = "held-elsewhere-" + java.util.UUID.randomUUID();
        elsewhere.submit(body, key).block(PATIENCE);
        assertThat(elsewhere.submit(body, key).block(PATIENCE).replayed()).as("shown meanwhile").isTrue();
        assertThat(catchUps).hasValue(0);

        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        ComplaintSubmission.Submitted retry = elsewhere.submit(body, key).block(PATIENCE);

        assertThat(retry.replayed()).isTrue();
        assertThat(appended).hasSize(1);
        assertThat(catchUps).hasValue(1);
    }
}
