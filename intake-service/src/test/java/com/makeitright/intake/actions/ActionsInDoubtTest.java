package com.makeitright.intake.actions;

import com.makeitright.contract.Topics;
import com.makeitright.events.FollowUpKind;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.intake.common.TransitionRefused;
import com.makeitright.intake.publishing.EventPublisher;
import com.makeitright.intake.publishing.PublishFailed;
import com.makeitright.intake.status.UnappliedWrites;
import com.makeitright.intake.status.ViewCatchUp;
import com.makeitright.intake.testing.InMemoryViews;
import com.makeitright.intake.testing.SliceStubs;
import com.makeitright.testing.Events;
import jakarta.validation.Validation;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drill run Q: a reopen published twice. The wait for its transaction timed out (503), the transaction committed
 * after, and the helpdesk's retry of the same answer was decided on a view without it: a second reopen, round 2
 * twice. Now the retry waits until the cut-off transaction ended and the view caught up, and is decided on that.
 */
class ActionsInDoubtTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final UnappliedWrites unapplied = new UnappliedWrites(100, 1_000_000, Duration.ofMinutes(5), System::nanoTime);
    private final InMemoryViews views = new InMemoryViews(unapplied);
    /** Transactions on the broker the view has not folded yet: a catch-up folds them. */
    private final List<Runnable> viewFolds = new CopyOnWriteArrayList<>();
    private final List<List<EventPublisher.Outgoing<?>>> committed = new CopyOnWriteArrayList<>();
    /** The first transaction's wait is cut off; it commits when the test completes this. */
    private final CompletableFuture<Void> commitsLate = new CompletableFuture<>();

    private final EventPublisher broker = new EventPublisher() {
        @Override
        public <T extends SpecificRecord> Mono<Void> publish(com.makeitright.contract.Topic<T> topic,
                                                            String complaintId, T event) {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Mono<Void> publishAtomically(List<Outgoing<?>> events) {
            Runnable commit = () -> {
                committed.add(events);
                viewFolds.add(() -> events.forEach(ActionsInDoubtTest.this::fold));
            };
            if (committed.isEmpty() && !commitsLate.isDone()) {
                CompletableFuture<Void> transaction = commitsLate.thenRun(commit);
                return Mono.error(new PublishFailed("The broker did not acknowledge the transaction of 2 events"
                        + " within PT5S", null, Duration.ofSeconds(1), transaction));
            }
            return Mono.fromRunnable(commit);
        }
    };

    private final ViewCatchUp catchUp = (topic, recordKey) -> Mono.fromRunnable(() -> {
        viewFolds.forEach(Runnable::run);
        viewFolds.clear();
    });

    private final ComplaintActions actions = new ComplaintActions(
            Validation.buildDefaultValidatorFactory().getValidator(), Clock.fixed(SliceStubs.NOW, ZoneOffset.UTC),
            broker, views, unapplied, catchUp, new IntakeProperties(Duration.ofSeconds(5), Duration.ofSeconds(5),
                    Duration.ofSeconds(5), Duration.ofSeconds(10), null, Duration.ofSeconds(5),
                    new IntakeProperties.Unapplied(100, DataSize.ofMegabytes(1), Duration.ofMinutes(5)), 100,
                    new IntakeProperties.View(Duration.ofDays(1), Duration.ofDays(2), 100, Duration.ofMinutes(1)),
                    new IntakeProperties.PersonalData(Duration.ofDays(365), Duration.ofHours(1))),
            BigDecimal.TEN);

    private <T extends SpecificRecord> void fold(EventPublisher.Outgoing<T> outgoing) {
        views.record(outgoing.topic(), outgoing.complaintId(), outgoing.event());
    }

    @Test
    void aRetriedAnswerWaitsForTheCutOffReopenAndIsNotAReopenAgain() {
        String id = Events.newId();
        views.record(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).build());
        views.record(Topics.COMPLAINTS_RESOLVED, id, Events.resolved(id).build());
        views.record(Topics.FOLLOW_UP_DUE, id, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());
        ActionBodies.FollowUpOutcome unhappy = new ActionBodies.FollowUpOutcome(false, 2, "It broke again");

        assertThatThrownBy(() -> actions.completeFollowUp(id, unhappy).block(PATIENCE))
                .isInstanceOf(PublishFailed.class);
        CompletableFuture<Map<String, Object>> retry = actions.completeFollowUp(id, unhappy).toFuture();
        assertThat(retry).as("decided before the first transaction ended").isNotDone();
        commitsLate.complete(null);

        assertThat(retry).failsWithin(PATIENCE).withThrowableThat().havingCause()
                .isInstanceOf(TransitionRefused.class).withMessageContaining("round 2");
        assertThat(committed).hasSize(1);
        assertThat(views.find(id).block(PATIENCE).orElseThrow().round()).isEqualTo(2);
    }
}
