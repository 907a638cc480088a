package com.makeitright.intake.actions;

import com.makeitright.contract.Monies;
import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.CounterOffer;
import com.makeitright.events.InspectionResult;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.ResponseDecision;
import com.makeitright.events.RootCause;
import com.makeitright.intake.common.InvalidInput;
import com.makeitright.intake.common.TransitionRefused;
import com.makeitright.intake.status.ComplaintState;
import com.makeitright.intake.status.RecordedEvent;
import com.makeitright.negotiation.Effect;
import com.makeitright.testing.Events;
import com.makeitright.testing.NegotiationWalk;
import com.makeitright.testing.NegotiationWalk.Input;
import com.makeitright.testing.NegotiationWalk.Start;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * intake's side of the transition walk: for every start (a complaint's real event history, folded as the view
 * folds it) and every request, {@link Transitions} allows exactly what the walk says the negotiation rules allow,
 * and refuses the rest for the walk's reason. remedy's {@code NegotiatorWalkTest} walks the same table.
 */
class TransitionsWalkTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(2));

    static List<NegotiationWalk.Step> walk() {
        return NegotiationWalk.steps();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walk")
    void intakeAllowsWhatTheRulesAllowAndRefusesTheRestForTheirReason(NegotiationWalk.Step step) {
        Round round = new Round(step.start());

        String outcome = outcome(() -> round.request(step.input()));

        if (isEffect(step.outcome())) {
            assertThat(outcome).as("allowed").isEqualTo("allowed");
        } else {
            assertThat(outcome).isEqualTo(step.outcome());
        }
    }

    private static boolean isEffect(String outcome) {
        return Arrays.stream(Effect.values()).anyMatch(e -> e.name().equals(outcome));
    }

    private static String outcome(Runnable request) {
        try {
            request.run();
            return "allowed";
        } catch (TransitionRefused refused) {
            return refused.refusal().reason().name();
        } catch (InvalidInput invalid) {
            return invalid.getMessage().contains("is required") ? "INSPECTION_RESULT_MISSING"
                    : "INSPECTION_RESULT_UNEXPECTED";
        }
    }

    /** A complaint whose events put it at the start, and the requests of the walk against it. */
    private static final class Round {
        private final String id = Events.newId();
        private final List<RecordedEvent> history = new ArrayList<>();
        private final String offerId;

        Round(Start start) {
            add(Topics.COMPLAINTS_RECEIVED, Events.received(id).build());
            add(Topics.COMPLAINTS_ACKNOWLEDGED, Events.acknowledged(id).build());
            RemedyOffered offer = switch (start) {
                case NO_OFFER -> null;
                case OPEN_OFFER, AGREED, RESOLVED -> offer(OfferStatus.OPEN, RemedyKind.REPLACEMENT);
                case OPEN_MEDIATION -> offer(OfferStatus.OPEN, RemedyKind.MEDIATION);
                case PENDING_APPROVAL -> offer(OfferStatus.PENDING_APPROVAL, RemedyKind.REFUND_FULL);
                case AGREED_INSPECTION -> offer(OfferStatus.OPEN, RemedyKind.INSPECTION);
            };
            offerId = offer == null ? "no-offer-yet" : offer.getOfferId();
            if (start == Start.AGREED || start == Start.AGREED_INSPECTION) {
                add(Topics.REMEDY_RESPONSES, Events.responded(id, offerId, ResponseDecision.ACCEPT).build());
            }
            if (start == Start.RESOLVED) {
                add(Topics.COMPLAINTS_RESOLVED, Events.resolved(id).setOutcome(ResolutionOutcome.NO_RESPONSE).build());
            }
        }

        void request(Input input) {
            Transitions transitions = new Transitions(Clock.fixed(input == Input.ACCEPT_LATE ? EXPIRES : NOW,
                    ZoneOffset.UTC));
            ComplaintState state = ComplaintState.fold(id, history).orElseThrow();
            switch (input) {
                case ACCEPT, ACCEPT_LATE -> transitions.respond(state, respond(ResponseDecision.ACCEPT, offerId, null));
                case DECLINE -> transitions.respond(state, respond(ResponseDecision.DECLINE, offerId, null));
                case COUNTER -> transitions.respond(state, respond(ResponseDecision.COUNTER, offerId,
                        CounterOffer.newBuilder().setKind(RemedyKind.REFUND_PARTIAL)
                                .setAmount(Monies.of("30.00", "USD")).setDescription("Half back").build()));
                case ACCEPT_OTHER_OFFER -> transitions.respond(state, respond(ResponseDecision.ACCEPT, "other", null));
                case APPROVE -> transitions.decideApproval(state, approval(offerId, ApprovalDecision.APPROVED), TransitionsTest.SAM);
                case REJECT -> transitions.decideApproval(state, approval(offerId, ApprovalDecision.REJECTED), TransitionsTest.SAM);
                case APPROVE_OTHER_OFFER -> transitions.decideApproval(state, approval("other", ApprovalDecision.APPROVED), TransitionsTest.SAM);
                case FULFILL -> transitions.fulfill(state, fulfill(offerId, null), TransitionsTest.ANN, TransitionsTest.TOLERANCE);
                case FULFILL_OTHER_OFFER -> transitions.fulfill(state, fulfill("other", null), TransitionsTest.ANN, TransitionsTest.TOLERANCE);
                case FULFILL_FAULT_CONFIRMED -> transitions.fulfill(state, fulfill(offerId, InspectionResult.FAULT_CONFIRMED), TransitionsTest.ANN, TransitionsTest.TOLERANCE);
                case FULFILL_NO_FAULT_FOUND -> transitions.fulfill(state, fulfill(offerId, InspectionResult.NO_FAULT_FOUND), TransitionsTest.ANN, TransitionsTest.TOLERANCE);
            }
        }

        private RemedyOffered offer(OfferStatus status, RemedyKind kind) {
            return add(Topics.REMEDY_OFFERED, Events.offered(id).setStatus(status).setKind(kind)
                    .setExpiresAt(EXPIRES).build());
        }

        private <T extends SpecificRecord> T add(Topic<T> topic, T event) {
            history.add(new RecordedEvent(topic, event));
            return event;
        }

        private static Commands.Respond respond(ResponseDecision decision, String offerId, CounterOffer counter) {
            return new Commands.Respond(decision, offerId, counter, null);
        }

        private static Commands.DecideApproval approval(String offerId, ApprovalDecision decision) {
            return new Commands.DecideApproval(decision, offerId, null);
        }

        private static Commands.Fulfill fulfill(String offerId, InspectionResult inspection) {
            return new Commands.Fulfill("SHIP-1", offerId, null, inspection, RootCause.PACKING_ERROR, null);
        }
    }
}
