package com.makeitright.intake.actions;

import com.makeitright.contract.Monies;
import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.CounterOffer;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.InspectionResult;
import com.makeitright.events.NotificationKind;
import com.makeitright.events.NotificationOutcome;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.ResponseDecision;
import com.makeitright.events.RootCause;
import com.makeitright.intake.common.ActionRefused;
import com.makeitright.intake.common.Actor;
import com.makeitright.intake.common.InvalidInput;
import com.makeitright.intake.common.Refusal.Reason;
import com.makeitright.intake.common.TransitionRefused;
import com.makeitright.intake.status.ComplaintState;
import com.makeitright.intake.status.Stage;
import com.makeitright.intake.status.RecordedEvent;
import com.makeitright.platform.security.Role;
import com.makeitright.testing.Events;
import org.apache.avro.specific.SpecificRecord;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which requests fit which state, why the others are refused, and the events the allowed ones become. */
class TransitionsTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private final Transitions transitions = new Transitions(Clock.fixed(NOW, ZoneOffset.UTC));
    private final String id = Events.newId();
    private final List<RecordedEvent> history = new ArrayList<>();
    private final ComplaintReceived received = Events.received(id).build();

    TransitionsTest() {
        add(Topics.COMPLAINTS_RECEIVED, received);
    }

    private <T extends SpecificRecord> T add(Topic<T> topic, T event) {
        history.add(new RecordedEvent(topic, event));
        return event;
    }

    static final Actor SAM = new Actor("sam", Set.of(Role.SUPERVISOR.authority()));
    static final Actor ANN = new Actor("agent.ann", Set.of(Role.AGENT.authority()));
    static final BigDecimal TOLERANCE = new BigDecimal("0.10");

    private ComplaintState state() {
        return ComplaintState.fold(id, history).orElseThrow();
    }

    private RemedyOffered offer(OfferStatus status) {
        return add(Topics.REMEDY_OFFERED, Events.offered(id).setStatus(status)
                .setExpiresAt(NOW.plus(Duration.ofDays(2))).build());
    }

    private static Commands.Respond respond(ResponseDecision decision, String offerId) {
        return new Commands.Respond(decision, offerId, null, null);
    }

    private static Commands.Fulfill fulfill(String offerId, InspectionResult inspection) {
        return new Commands.Fulfill("SHIP-1", offerId, Monies.of("12.00", "USD"), inspection,
                RootCause.PACKING_ERROR, "sent");
    }

    private static void refused(ThrowingCallable call, Reason reason, String... detailContains) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TransitionRefused.class, refused -> {
            assertThat(refused.refusal().reason()).isEqualTo(reason);
            assertThat(refused.refusal().detail()).isNotBlank();
            for (String part : detailContains) {
                assertThat(refused.refusal().detail()).contains(part);
            }
        });
    }

    // ------------------------------------------------------------ responding

    @Test
    void anOpenOfferIsAnsweredWithTheOfferAsCauseAndTheCurrentRound() {
        RemedyOffered offer = offer(OfferStatus.OPEN);
        CounterOffer counter = CounterOffer.newBuilder().setKind(RemedyKind.REFUND_PARTIAL)
                .setAmount(Monies.of("30.00", "USD")).setDescription("Half back").build();

        RemedyResponded response = transitions.respond(state(),
                new Commands.Respond(ResponseDecision.COUNTER, null, counter, "fair?"));

        assertThat(response.getComplaintId()).isEqualTo(id);
        assertThat(response.getOfferId()).isEqualTo(offer.getOfferId());
        assertThat(response.getCausationId()).isEqualTo(offer.getEventId());
        assertThat(response.getRound()).isEqualTo(1);
        assertThat(response.getOccurredAt()).isEqualTo(NOW);
        assertThat(response.getDecision()).isEqualTo(ResponseDecision.COUNTER);
        assertThat(response.getCounterOffer()).isEqualTo(counter);
        assertThat(response.getNote()).isEqualTo("fair?");
        assertThat(response.getEventId()).isNotBlank();
    }

    @Test
    void noOfferYetCannotBeAnswered() {
        refused(() -> transitions.respond(state(), respond(ResponseDecision.ACCEPT, null)), Reason.NO_OPEN_OFFER,
                "No offer has been made yet");
    }

    @Test
    void anOfferWaitingForApprovalCannotBeAnswered() {
        offer(OfferStatus.PENDING_APPROVAL);

        refused(() -> transitions.respond(state(), respond(ResponseDecision.ACCEPT, null)),
                Reason.OFFER_AWAITS_APPROVAL, "waits for a supervisor's approval");
    }

    @Test
    void anExpiredOfferCannotBeAnswered() {
        add(Topics.REMEDY_OFFERED, Events.offered(id).setExpiresAt(NOW).build());

        refused(() -> transitions.respond(state(), respond(ResponseDecision.ACCEPT, null)), Reason.OFFER_EXPIRED,
                "expired at " + NOW);
    }

    @Test
    void onlyTheOpenOfferCanBeNamed() {
        RemedyOffered offer = offer(OfferStatus.OPEN);

        refused(() -> transitions.respond(state(), respond(ResponseDecision.ACCEPT, "older-offer")),
                Reason.NOT_THE_OPEN_OFFER, "older-offer", offer.getOfferId());
    }

    @Test
    void anAnsweredOfferCannotBeAnsweredAgain() {
        RemedyOffered offer = offer(OfferStatus.OPEN);
        add(Topics.REMEDY_RESPONSES, Events.responded(id, offer.getOfferId(), ResponseDecision.DECLINE).build());

        refused(() -> transitions.respond(state(), respond(ResponseDecision.ACCEPT, null)), Reason.NO_OPEN_OFFER,
                "already answered (DECLINE)");
    }

    @Test
    void anAgreedOfferCannotBeAnswered() {
        offer(OfferStatus.AGREED);

        refused(() -> transitions.respond(state(), respond(ResponseDecision.DECLINE, null)), Reason.NO_OPEN_OFFER,
                "already agreed");
    }

    // ------------------------------------------------------------ approval

    @Test
    void aPendingOfferIsDecided() {
        RemedyOffered pending = offer(OfferStatus.PENDING_APPROVAL);

        RemedyApprovalDecided decided = transitions.decideApproval(state(),
                new Commands.DecideApproval(ApprovalDecision.REJECTED, pending.getOfferId(), "too much"), SAM);

        assertThat(decided.getCausationId()).isEqualTo(pending.getEventId());
        assertThat(decided.getOfferId()).isEqualTo(pending.getOfferId());
        assertThat(decided.getDecision()).isEqualTo(ApprovalDecision.REJECTED);
        assertThat(decided.getApprover()).isEqualTo("sam");
        assertThat(decided.getRound()).isEqualTo(1);
    }

    @Test
    void anOpenOfferNeedsNoApproval() {
        offer(OfferStatus.OPEN);

        refused(() -> transitions.decideApproval(state(),
                        new Commands.DecideApproval(ApprovalDecision.APPROVED, null, null), SAM),
                Reason.NO_OFFER_AWAITS_APPROVAL, "is OPEN and waits for the customer");
    }

    @Test
    void theApproverIsTheCallerWithTheAuthorityOfTheirRoleWhateverTheBodySaid() {
        RemedyOffered pending = add(Topics.REMEDY_OFFERED, Events.offered(id).setStatus(OfferStatus.PENDING_APPROVAL)
                .setAuthorityLevel(AuthorityLevel.OWNER).setExpiresAt(NOW.plus(Duration.ofDays(2))).build());
        Commands.DecideApproval approve = new Commands.DecideApproval(ApprovalDecision.APPROVED, null, null);

        assertThatThrownBy(() -> transitions.decideApproval(state(), approve, SAM))
                .isInstanceOfSatisfying(ActionRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(ActionRefused.Reason.BEYOND_AUTHORITY);
                    assertThat(refused.getMessage()).contains(pending.getOfferId(), "OWNER", "SUPERVISOR");
                });
        RemedyApprovalDecided byOwner = transitions.decideApproval(state(), approve,
                new Actor("olive.owner", Set.of(Role.OWNER.authority())));
        assertThat(byOwner.getApprover()).isEqualTo("olive.owner");
        assertThat(byOwner.getApproverAuthority()).isEqualTo(AuthorityLevel.OWNER);
        // Rejecting stays open to a supervisor: it grants nothing.
        assertThat(transitions.decideApproval(state(), new Commands.DecideApproval(ApprovalDecision.REJECTED, null,
                null), SAM).getApproverAuthority()).isEqualTo(AuthorityLevel.SUPERVISOR);
    }

    @Test
    void aSupervisorCannotApproveACounterTheyPostedThemselves() {
        RemedyOffered open = offer(OfferStatus.OPEN);
        RemedyResponded counter = add(Topics.REMEDY_RESPONSES, Events.responded(id, open.getOfferId(),
                ResponseDecision.COUNTER).setRespondedBy(SAM.name()).build());
        add(Topics.REMEDY_OFFERED, Events.offered(id).setStatus(OfferStatus.PENDING_APPROVAL).setNegotiationRound(2)
                .setAuthorityLevel(AuthorityLevel.SUPERVISOR).setCounterOfEventId(counter.getEventId())
                .setExpiresAt(NOW.plus(Duration.ofDays(2))).build());
        Commands.DecideApproval approve = new Commands.DecideApproval(ApprovalDecision.APPROVED, null, null);

        assertThatThrownBy(() -> transitions.decideApproval(state(), approve, SAM))
                .isInstanceOfSatisfying(ActionRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ActionRefused.Reason.OWN_COUNTER));
        assertThat(transitions.decideApproval(state(), approve, new Actor("sue", Set.of(Role.SUPERVISOR.authority())))
                .getApprover()).isEqualTo("sue");
    }

    // ------------------------------------------------------------ fulfillment

    @Test
    void theActualCostMustBeInTheAgreedCurrencyAndWithinTheToleranceUnlessASupervisorReportsIt() {
        RemedyOffered offer = offer(OfferStatus.OPEN); // estimated 20.00 USD
        add(Topics.REMEDY_RESPONSES, Events.responded(id, offer.getOfferId(), ResponseDecision.ACCEPT).build());

        assertThatThrownBy(() -> transitions.fulfill(state(), costing("20.00", "EUR"), ANN, TOLERANCE))
                .isInstanceOfSatisfying(ActionRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ActionRefused.Reason.COST_CURRENCY));
        assertThatThrownBy(() -> transitions.fulfill(state(), costing("22.01", "USD"), ANN, TOLERANCE))
                .isInstanceOfSatisfying(ActionRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ActionRefused.Reason.COST_ABOVE_TOLERANCE));
        assertThat(transitions.fulfill(state(), costing("22.00", "USD"), ANN, TOLERANCE).getFulfilledBy())
                .isEqualTo("agent.ann");
        assertThat(transitions.fulfill(state(), costing("1000000.00", "USD"), SAM, TOLERANCE).getFulfilledBy())
                .isEqualTo("sam");
    }

    private static Commands.Fulfill costing(String amount, String currency) {
        return new Commands.Fulfill("SHIP-1", null, Monies.of(amount, currency), null, null, null);
    }

    @Test
    void anAcceptedOfferIsFulfilledWithItsKind() {
        RemedyOffered offer = offer(OfferStatus.OPEN);
        add(Topics.REMEDY_RESPONSES, Events.responded(id, offer.getOfferId(), ResponseDecision.ACCEPT).build());

        RemedyFulfilled fulfilled = transitions.fulfill(state(), fulfill(null, null), ANN, TOLERANCE);

        assertThat(fulfilled.getOfferId()).isEqualTo(offer.getOfferId());
        assertThat(fulfilled.getCausationId()).isEqualTo(offer.getEventId());
        assertThat(fulfilled.getKind()).isEqualTo(offer.getKind());
        assertThat(fulfilled.getActualCost()).isEqualTo(Monies.of("12.00", "USD"));
        assertThat(fulfilled.getRootCause()).isEqualTo(RootCause.PACKING_ERROR);
        assertThat(fulfilled.getReference()).isEqualTo("SHIP-1");
    }

    @Test
    void nothingAgreedCannotBeFulfilled() {
        offer(OfferStatus.OPEN);

        refused(() -> transitions.fulfill(state(), fulfill(null, null), ANN, TOLERANCE), Reason.NOTHING_AGREED, "is OPEN");
    }

    @Test
    void aFulfilledOfferCannotBeFulfilledAgain() {
        RemedyOffered agreed = offer(OfferStatus.AGREED);
        add(Topics.REMEDY_FULFILLED, Events.fulfilled(id, agreed.getOfferId(), agreed.getKind()).build());

        refused(() -> transitions.fulfill(state(), fulfill(null, null), ANN, TOLERANCE), Reason.ALREADY_FULFILLED,
                agreed.getOfferId(), "SHIP-123");
        refused(() -> transitions.fulfill(state(), fulfill(agreed.getOfferId(), null), ANN, TOLERANCE), Reason.ALREADY_FULFILLED);
    }

    @Test
    void anInspectionNeedsItsResultAndOnlyAnInspectionTakesOne() {
        RemedyOffered inspection = add(Topics.REMEDY_OFFERED,
                Events.offered(id).setStatus(OfferStatus.AGREED).setKind(RemedyKind.INSPECTION).build());

        assertThatThrownBy(() -> transitions.fulfill(state(), fulfill(null, null), ANN, TOLERANCE))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("inspectionResult")));
        assertThat(transitions.fulfill(state(), fulfill(inspection.getOfferId(), InspectionResult.FAULT_CONFIRMED), ANN, TOLERANCE)
                .getInspectionResult()).isEqualTo(InspectionResult.FAULT_CONFIRMED);

        history.remove(history.size() - 1);
        offer(OfferStatus.AGREED);
        assertThatThrownBy(() -> transitions.fulfill(state(), fulfill(null, InspectionResult.NO_FAULT_FOUND), ANN, TOLERANCE))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("only for an INSPECTION");
    }

    @Test
    void aResolvedRoundHasNothingToFulfill() {
        offer(OfferStatus.OPEN);
        add(Topics.COMPLAINTS_RESOLVED, Events.resolved(id).setOutcome(ResolutionOutcome.NO_RESPONSE).build());

        refused(() -> transitions.fulfill(state(), fulfill(null, null), ANN, TOLERANCE), Reason.NOTHING_AGREED, "NO_RESPONSE");
        refused(() -> transitions.respond(state(), respond(ResponseDecision.ACCEPT, null)), Reason.NO_OPEN_OFFER,
                "is resolved (NO_RESPONSE)");
    }

    // ------------------------------------------------------------ follow-up

    @Test
    void aSatisfiedAnswerClosesWithoutANewRound() {
        add(Topics.COMPLAINTS_RESOLVED, Events.resolved(id).build());
        FollowUpDue due = add(Topics.FOLLOW_UP_DUE, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());

        Transitions.FollowUpOutcome outcome = transitions.completeFollowUp(state(),
                new Commands.CompleteFollowUp(true, 5, "great"));

        assertThat(outcome.reopened()).isEmpty();
        assertThat(outcome.completed().getCausationId()).isEqualTo(due.getEventId());
        assertThat(outcome.completed().getSatisfied()).isTrue();
        assertThat(outcome.completed().getReopened()).isFalse();
        assertThat(outcome.completed().getScore()).isEqualTo(5);
    }

    @Test
    void anUnhappyAnswerOpensTheNextRoundWithTheSameComplaint() {
        add(Topics.COMPLAINTS_RESOLVED, Events.resolved(id).build());
        add(Topics.FOLLOW_UP_DUE, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());

        Transitions.FollowUpOutcome outcome = transitions.completeFollowUp(state(),
                new Commands.CompleteFollowUp(false, 1, "broke again"));

        FollowUpCompleted completed = outcome.completed();
        ComplaintReceived next = outcome.reopened().orElseThrow();
        assertThat(completed.getReopened()).isTrue();
        assertThat(next.getRound()).isEqualTo(2);
        assertThat(next.getComplaintId()).isEqualTo(id);
        assertThat(next.getCausationId()).isEqualTo(completed.getEventId());
        assertThat(next.getEventId()).isNotEqualTo(received.getEventId()).isNotEqualTo(completed.getEventId());
        assertThat(next.getOccurredAt()).isEqualTo(NOW);
        assertThat(next.getReopenedFrom().getPreviousRound()).isEqualTo(1);
        assertThat(next.getReopenedFrom().getFollowUpEventId()).isEqualTo(completed.getEventId());
        assertThat(next.getReopenedFrom().getScore()).isEqualTo(1);
        assertThat(next.getReopenedFrom().getComment()).isEqualTo("broke again");
        assertThat(next.getCustomer()).isEqualTo(received.getCustomer());
        assertThat(next.getOrder()).isEqualTo(received.getOrder());
        assertThat(next.getDescription()).isEqualTo(received.getDescription());
        assertThat(next.getIdempotencyKey()).isNull();
    }

    @Test
    void aCheckClosedAsNoAnswerRefusesALaterAnswerButOneTakenBeforeStillCounts() {
        add(Topics.COMPLAINTS_RESOLVED, Events.resolved(id).build());
        add(Topics.FOLLOW_UP_DUE, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());
        assertThat(state().stage()).isEqualTo(Stage.FOLLOW_UP_DUE);
        FollowUpDue silent = add(Topics.FOLLOW_UP_DUE, Events.followUpDue(id, FollowUpKind.SATISFACTION_NO_ANSWER).build());

        assertThat(state().stage()).isEqualTo(Stage.CLOSED);
        refused(() -> transitions.completeFollowUp(state(), new Commands.CompleteFollowUp(false, 2, "late")),
                Reason.CLOSED_WITHOUT_ANSWER, "closed without an answer at " + silent.getOccurredAt());

        // an answer intake accepted before its view saw the no-answer (cross-topic order): the customer's word wins
        add(Topics.FOLLOW_UP_OUTCOMES, Events.followUpCompleted(id, false).build());
        assertThat(state().stage()).isEqualTo(Stage.REOPENED);
    }

    @Test
    void noCheckDueOrOneAlreadyAnsweredIsRefused() {
        refused(() -> transitions.completeFollowUp(state(), new Commands.CompleteFollowUp(true, 5, null)),
                Reason.NO_SATISFACTION_CHECK_DUE, "round 1");

        add(Topics.FOLLOW_UP_DUE, Events.followUpDue(id, FollowUpKind.PROMISE_BREACHED).build());
        refused(() -> transitions.completeFollowUp(state(), new Commands.CompleteFollowUp(true, 5, null)),
                Reason.NO_SATISFACTION_CHECK_DUE);

        add(Topics.COMPLAINTS_RESOLVED, Events.resolved(id).build());
        add(Topics.FOLLOW_UP_DUE, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());
        add(Topics.FOLLOW_UP_OUTCOMES, Events.followUpCompleted(id, true).build());
        refused(() -> transitions.completeFollowUp(state(), new Commands.CompleteFollowUp(false, 1, null)),
                Reason.ALREADY_ANSWERED, "already answered", "score 5");
    }

    /** Round 1 resolved, its satisfaction check answered unhappy: round 2 opens. */
    private void reopenAfterAnUnhappyCheck() {
        add(Topics.COMPLAINTS_RESOLVED, Events.resolved(id).build());
        add(Topics.FOLLOW_UP_DUE, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());
        Transitions.FollowUpOutcome outcome = transitions.completeFollowUp(state(),
                new Commands.CompleteFollowUp(false, 2, null));
        add(Topics.FOLLOW_UP_OUTCOMES, outcome.completed());
        add(Topics.COMPLAINTS_RECEIVED, outcome.reopened().orElseThrow());
    }

    @Test
    void theReopenedRoundHasNoCheckDueYet() {
        reopenAfterAnUnhappyCheck();

        refused(() -> transitions.completeFollowUp(state(), new Commands.CompleteFollowUp(false, 1, null)),
                Reason.NO_SATISFACTION_CHECK_DUE, "round 2");
    }

    @Test
    void theAgentApprovesTheDraftAsItIsOrInTheirOwnWordsAndIsTheApprover() {
        ComplaintAcknowledged acknowledged = add(Topics.COMPLAINTS_ACKNOWLEDGED, Events.acknowledged(id).build());

        AcknowledgementApproved asDrafted = transitions.approveAcknowledgement(state(),
                new Commands.ApproveAcknowledgement(null), ANN);
        assertThat(asDrafted.getText()).isEqualTo(acknowledged.getAcknowledgementText());
        assertThat(asDrafted.getEdited()).isFalse();
        assertThat(asDrafted.getApprovedBy()).isEqualTo("agent.ann");
        assertThat(asDrafted.getCausationId()).isEqualTo(acknowledged.getEventId());
        assertThat(asDrafted.getRound()).isEqualTo(1);
        assertThat(asDrafted.getOccurredAt()).isEqualTo(NOW);

        AcknowledgementApproved edited = transitions.approveAcknowledgement(state(),
                new Commands.ApproveAcknowledgement("We are sorry; the right CD is on its way."), ANN);
        assertThat(edited.getText()).isEqualTo("We are sorry; the right CD is on its way.");
        assertThat(edited.getEdited()).isTrue();
        // the draft's own words, sent as a body, are no edit
        assertThat(transitions.approveAcknowledgement(state(), new Commands.ApproveAcknowledgement(
                acknowledged.getAcknowledgementText()), ANN).getEdited()).isFalse();
    }

    @Test
    void anAcknowledgementNotYetDraftedOrAlreadyApprovedIsRefused() {
        refused(() -> transitions.approveAcknowledgement(state(), new Commands.ApproveAcknowledgement(null), ANN),
                Reason.NOT_ACKNOWLEDGED, "round 1");

        add(Topics.COMPLAINTS_ACKNOWLEDGED, Events.acknowledged(id).build());
        add(Topics.ACKNOWLEDGEMENT_APPROVALS, transitions.approveAcknowledgement(state(),
                new Commands.ApproveAcknowledgement(null), ANN));
        refused(() -> transitions.approveAcknowledgement(state(), new Commands.ApproveAcknowledgement("Other words"),
                new Actor("agent.bo", Set.of(Role.AGENT.authority()))), Reason.ALREADY_APPROVED, "agent.ann");
    }

    @Test
    void anAcknowledgementTheWorkerAlreadySentAutomaticallyIsRefusedSayingWhen() {
        ComplaintAcknowledged acknowledged = add(Topics.COMPLAINTS_ACKNOWLEDGED, Events.acknowledged(id).build());
        // a refused mail is no send: the agent's words may still go out
        add(Topics.CUSTOMER_NOTIFIED, Events.customerNotified(id, NotificationKind.ACKNOWLEDGEMENT)
                .setCausationId(acknowledged.getEventId()).setOutcome(NotificationOutcome.REJECTED)
                .setReason("451 try later").build());
        add(Topics.CUSTOMER_NOTIFIED, Events.customerNotified(id, NotificationKind.OFFER).setOfferId("o-1").build());
        assertThat(transitions.approveAcknowledgement(state(), new Commands.ApproveAcknowledgement(null), ANN))
                .isNotNull();

        add(Topics.CUSTOMER_NOTIFIED, Events.customerNotified(id, NotificationKind.ACKNOWLEDGEMENT)
                .setCausationId(acknowledged.getEventId()).setOccurredAt(NOW.minusSeconds(90)).build());
        refused(() -> transitions.approveAcknowledgement(state(), new Commands.ApproveAcknowledgement("Other words"),
                ANN), Reason.ALREADY_SENT, "round 1", "automatically, without review", NOW.minusSeconds(90).toString());
    }

    @Test
    void aReopenedRoundWaitsForItsOwnAcknowledgementAndMayBeApprovedAgain() {
        add(Topics.COMPLAINTS_ACKNOWLEDGED, Events.acknowledged(id).build());
        add(Topics.ACKNOWLEDGEMENT_APPROVALS, transitions.approveAcknowledgement(state(),
                new Commands.ApproveAcknowledgement(null), ANN));
        reopenAfterAnUnhappyCheck();

        refused(() -> transitions.approveAcknowledgement(state(), new Commands.ApproveAcknowledgement(null), ANN),
                Reason.NOT_ACKNOWLEDGED, "round 2");
        ComplaintAcknowledged second = add(Topics.COMPLAINTS_ACKNOWLEDGED, Events.acknowledged(id).setRound(2).build());
        AcknowledgementApproved approved = transitions.approveAcknowledgement(state(),
                new Commands.ApproveAcknowledgement(null), ANN);
        assertThat(approved.getRound()).isEqualTo(2);
        assertThat(approved.getCausationId()).isEqualTo(second.getEventId());
    }
}
