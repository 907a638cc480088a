package com.makeitright.intake.actions;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResponseDecision;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.intake.common.Actor;
import com.makeitright.intake.common.Checks;
import com.makeitright.intake.common.TransitionRefused;
import com.makeitright.intake.common.UnknownComplaint;
import com.makeitright.intake.publishing.EventPublisher;
import com.makeitright.intake.publishing.EventPublisher.Outgoing;
import com.makeitright.intake.status.ComplaintState;
import com.makeitright.intake.status.ComplaintViews;
import com.makeitright.intake.status.InDoubtWrites;
import com.makeitright.intake.status.RecordedEvent;
import com.makeitright.intake.status.UnappliedWrites;
import com.makeitright.intake.status.ViewCatchUp;
import jakarta.validation.Validator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The state-changing requests: validate the body, check the transition against the complaint as the view
 * folds it (with this instance's own writes the view has not folded yet, {@link UnappliedWrites}), publish the
 * event, answer once the broker acknowledged it. One request per complaint at a time ({@link OnePerComplaint}):
 * the next one is checked against the events of the previous one, from the overlay until the view has them; after a
 * write whose outcome is unknown, once it ended and the view caught up with it ({@link InDoubtWrites}).
 */
@Service
class ComplaintActions {

    /** What a checked request publishes, and the body of its 202. */
    private record Plan(List<Outgoing<?>> events, Map<String, Object> answer) {
    }

    /** How a 400 names the complaint id of the path. */
    static final String PATH_ID = "complaintId";

    private final ActionRules rules;
    private final Transitions transitions;
    private final EventPublisher publisher;
    private final ComplaintViews views;
    private final UnappliedWrites unapplied;
    private final OnePerComplaint queue = new OnePerComplaint();
    /** Complaints whose last action's write may still land: the next action on one waits for it first. */
    private final InDoubtWrites inDoubt;

    /** How far a fulfillment's actual cost may exceed the agreed cost without a supervisor, as a fraction. */
    private final BigDecimal costTolerance;

    ComplaintActions(Validator validator, Clock clock, EventPublisher publisher, ComplaintViews views,
                     UnappliedWrites unapplied, ViewCatchUp catchUp, IntakeProperties properties,
                     @Value("${makeitright.intake.fulfillment.cost-tolerance-percent:10}") BigDecimal costTolerancePercent) {
        if (costTolerancePercent.signum() < 0) {
            throw new IllegalArgumentException("makeitright.intake.fulfillment.cost-tolerance-percent must not be negative");
        }
        this.costTolerance = costTolerancePercent.movePointLeft(2);
        this.rules = new ActionRules(validator);
        this.transitions = new Transitions(clock);
        this.publisher = publisher;
        this.views = views;
        this.unapplied = unapplied;
        this.inDoubt = new InDoubtWrites(properties.inFlightMaxKeys(), properties.unapplied().ttl(), System::nanoTime,
                catchUp, properties.publishTimeout());
    }

    /** {@code by}: the authenticated caller on the customer's behalf, or {@link Actor#CUSTOMER} on their own link. */
    Mono<Map<String, Object>> respond(String complaintId, ActionBodies.RemedyResponse body, Actor by) {
        Checks.pathId(PATH_ID, complaintId);
        Commands.Respond command = rules.respond(body);
        return act(complaintId, state -> {
            RemedyResponded event = transitions.respond(state, command, by);
            return new Plan(List.of(new Outgoing<>(Topics.REMEDY_RESPONSES, complaintId, event)),
                    answer(complaintId, "offerId", event.getOfferId(), "decision", event.getDecision().name()));
        });
    }

    /**
     * Whether the customer may give this answer to this offer now, by the same rule {@link #respond} applies
     * ({@link Transitions#respond}); publishes nothing. The customer page asks it before showing the confirmation.
     */
    Mono<ComplaintState> answerable(String complaintId, String offerId, ResponseDecision decision) {
        Checks.pathId(PATH_ID, complaintId);
        return views.find(complaintId).map(found -> {
            ComplaintState state = found.orElseThrow(() -> new UnknownComplaint(complaintId));
            transitions.respond(state, new Commands.Respond(decision, offerId, null, null)); // refuses, or fits
            return state;
        });
    }

    Mono<Map<String, Object>> decideApproval(String complaintId, ActionBodies.Approval body, Actor approver) {
        Checks.pathId(PATH_ID, complaintId);
        Commands.DecideApproval command = rules.decideApproval(body);
        return act(complaintId, state -> {
            RemedyApprovalDecided event = transitions.decideApproval(state, command, approver);
            return new Plan(List.of(new Outgoing<>(Topics.APPROVALS, complaintId, event)),
                    answer(complaintId, "offerId", event.getOfferId(), "decision", event.getDecision().name()));
        });
    }

    Mono<Map<String, Object>> fulfill(String complaintId, ActionBodies.Fulfillment body, Actor fulfiller) {
        Checks.pathId(PATH_ID, complaintId);
        Commands.Fulfill command = rules.fulfill(body);
        return act(complaintId, state -> {
            RemedyFulfilled event = transitions.fulfill(state, command, fulfiller, costTolerance);
            return new Plan(List.of(new Outgoing<>(Topics.REMEDY_FULFILLED, complaintId, event)),
                    answer(complaintId, "offerId", event.getOfferId(), "kind", event.getKind().name()));
        });
    }

    /** {@code body}: null when the request had none (approve the draft as it is). */
    Mono<Map<String, Object>> approveAcknowledgement(String complaintId, ActionBodies.AcknowledgementApproval body,
                                                     Actor agent) {
        Checks.pathId(PATH_ID, complaintId);
        Commands.ApproveAcknowledgement command = rules.approveAcknowledgement(body);
        return act(complaintId, state -> {
            AcknowledgementApproved event = transitions.approveAcknowledgement(state, command, agent);
            return new Plan(List.of(new Outgoing<>(Topics.ACKNOWLEDGEMENT_APPROVALS, complaintId, event)),
                    answer(complaintId, "eventId", event.getEventId(), "edited", event.getEdited()));
        });
    }

    Mono<Map<String, Object>> completeFollowUp(String complaintId, ActionBodies.FollowUpOutcome body) {
        return completeFollowUp(complaintId, null, body);
    }

    /**
     * Whether the satisfaction check of {@code round} can be answered now, by the rule {@link #completeFollowUp}
     * applies; publishes nothing. The customer page asks it before showing the confirmation.
     */
    Mono<ComplaintState> satisfactionAnswerable(String complaintId, int round) {
        Checks.pathId(PATH_ID, complaintId);
        return views.find(complaintId).map(found -> {
            ComplaintState state = found.orElseThrow(() -> new UnknownComplaint(complaintId));
            checkRound(state, round);
            transitions.completeFollowUp(state, new Commands.CompleteFollowUp(true, 5, null)); // refuses, or fits
            return state;
        });
    }

    /** As the API's follow-up outcome; with a {@code round}, only that round's check (a mail link names its round). */
    Mono<Map<String, Object>> completeFollowUp(String complaintId, Integer round, ActionBodies.FollowUpOutcome body) {
        Checks.pathId(PATH_ID, complaintId);
        Commands.CompleteFollowUp command = rules.completeFollowUp(body);
        return act(complaintId, state -> {
            if (round != null) {
                checkRound(state, round);
            }
            Transitions.FollowUpOutcome outcome = transitions.completeFollowUp(state, command);
            FollowUpCompleted completed = outcome.completed();
            if (outcome.reopened().isEmpty()) {
                return new Plan(List.of(new Outgoing<>(Topics.FOLLOW_UP_OUTCOMES, complaintId, completed)),
                        answer(complaintId, "reopened", false, "round", completed.getRound()));
            }
            ComplaintReceived reopened = outcome.reopened().get();
            return new Plan(List.of(new Outgoing<>(Topics.FOLLOW_UP_OUTCOMES, complaintId, completed),
                    new Outgoing<>(Topics.COMPLAINTS_RECEIVED, complaintId, reopened)),
                    answer(complaintId, "reopened", true, "round", reopened.getRound()));
        });
    }

    /** A link of an earlier round was answered already: the round moved on only through that answer's reopen. */
    private static void checkRound(ComplaintState state, int round) {
        if (state.round() != round) {
            throw new TransitionRefused(com.makeitright.intake.common.Refusal.Reason.ALREADY_ANSWERED,
                    "The satisfaction check of round " + round + " of complaint " + state.complaintId()
                            + " was answered; the complaint is in round " + state.round());
        }
    }

    private Mono<Map<String, Object>> act(String complaintId, Function<ComplaintState, Plan> decide) {
        return queue.run(complaintId, () -> inDoubt.settled(complaintId).then(views.find(complaintId))
                .map(found -> decide.apply(found.orElseThrow(() -> new UnknownComplaint(complaintId))))
                .flatMap(plan -> {
                    UnappliedWrites.Reservation reservation = unapplied.reserve(plan.events().stream()
                            .<RecordedEvent>map(outgoing -> new RecordedEvent(outgoing.topic(), outgoing.event()))
                            .toList());
                    // A transaction even for one event: a send whose wait failed may still be appended later
                    // (drill run U: the producer expired a batch during a leader change, the 503 went out, the
                    // batch was appended anyway, and the retried follow-up outcome was published a second time).
                    // An aborted transaction's records never become visible to the view (read_committed), and an
                    // undecided one holds its partition's stable offset back, so the in-doubt wait sees its fate.
                    Mono<Void> published = publisher.publishAtomically(plan.events());
                    List<Topic<?>> topics = plan.events().stream().<Topic<?>>map(Outgoing::topic).distinct().toList();
                    return published
                            .doOnSuccess(done -> reservation.published())
                            .doOnError(error -> {
                                reservation.cancel();
                                inDoubt.add(complaintId, topics, complaintId, error);
                            })
                            .doOnCancel(() -> {
                                reservation.cancel();
                                inDoubt.add(complaintId, topics, complaintId, null);
                            })
                            .thenReturn(plan.answer());
                }));
    }

    private static Map<String, Object> answer(String complaintId, String key1, Object value1, String key2,
                                              Object value2) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("complaintId", complaintId);
        answer.put(key1, value1);
        answer.put(key2, value2);
        return answer;
    }
}
