package com.makeitright.intake.status;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.ReopenedFrom;
import com.makeitright.events.ResponseDecision;
import com.makeitright.testing.Events;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fold of a complaint's events into its state and its JSON view: stages, offers, rounds. */
class ComplaintStateTest {

    private final String id = Events.newId();
    private final List<RecordedEvent> history = new ArrayList<>();
    private final ComplaintReceived received = Events.received(id).build();

    private <T extends SpecificRecord> ComplaintStateTest add(Topic<T> topic, T event) {
        history.add(new RecordedEvent(topic, event));
        return this;
    }

    private ComplaintState state() {
        return ComplaintState.fold(id, history).orElseThrow();
    }

    @Test
    void unknownWithoutAComplaintReceived() {
        add(Topics.REMEDY_OFFERED, Events.offered(id).build());

        assertThat(ComplaintState.fold(id, history)).isEmpty();
        assertThat(ComplaintState.fold(id, List.of())).isEmpty();
    }

    @Test
    void walksThroughEveryStageOfAHappyRound() {
        add(Topics.COMPLAINTS_RECEIVED, received);
        assertThat(state().stage()).isEqualTo(Stage.RECEIVED);

        add(Topics.COMPLAINTS_ACKNOWLEDGED, Events.acknowledged(id).build());
        assertThat(state().stage()).isEqualTo(Stage.ACKNOWLEDGED);
        assertThat(state().triage()).isPresent();

        RemedyOffered offer = Events.offered(id).build();
        add(Topics.REMEDY_OFFERED, offer);
        assertThat(state().stage()).isEqualTo(Stage.OFFERED);
        assertThat(state().openOffer()).contains(offer);

        add(Topics.REMEDY_RESPONSES, Events.responded(id, offer.getOfferId(), ResponseDecision.ACCEPT).build());
        assertThat(state().stage()).isEqualTo(Stage.AGREED);
        assertThat(state().openOffer()).isEmpty();
        assertThat(state().agreedOffer()).contains(offer);

        add(Topics.REMEDY_FULFILLED, Events.fulfilled(id, offer.getOfferId(), RemedyKind.REPLACEMENT).build());
        assertThat(state().agreedOffer()).isEmpty();
        assertThat(state().fulfillmentOf(offer.getOfferId())).isPresent();

        add(Topics.COMPLAINTS_RESOLVED, Events.resolved(id).build());
        assertThat(state().stage()).isEqualTo(Stage.RESOLVED);

        add(Topics.FOLLOW_UP_DUE, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());
        assertThat(state().stage()).isEqualTo(Stage.FOLLOW_UP_DUE);

        add(Topics.FOLLOW_UP_OUTCOMES, Events.followUpCompleted(id, true).build());
        assertThat(state().stage()).isEqualTo(Stage.CLOSED);
        assertThat(state().followUps()).singleElement().satisfies(f -> assertThat(f.completed()).isNotNull());
        assertThat(state().events()).hasSize(8);
    }

    @Test
    void anOfferPendingApprovalAwaitsApprovalUntilDecidedAndRepublished() {
        add(Topics.COMPLAINTS_RECEIVED, received);
        RemedyOffered pending = Events.offered(id).setStatus(OfferStatus.PENDING_APPROVAL).setApprovalRequired(true).build();
        add(Topics.REMEDY_OFFERED, pending);
        assertThat(state().stage()).isEqualTo(Stage.AWAITING_APPROVAL);
        assertThat(state().openOffer()).contains(pending);

        add(Topics.APPROVALS, Events.approvalDecided(id, pending.getOfferId(), ApprovalDecision.APPROVED).build());
        assertThat(state().openOffer()).as("decided, waiting for remedy to re-publish").isEmpty();

        RemedyOffered approved = Events.offered(id).setApprovedBy("sam.supervisor").build();
        add(Topics.REMEDY_OFFERED, approved);
        assertThat(state().stage()).isEqualTo(Stage.OFFERED);
        assertThat(state().openOffer()).contains(approved);
    }

    @Test
    void anOfferPublishedAgreedNeedsNoAnswer() {
        add(Topics.COMPLAINTS_RECEIVED, received);
        RemedyOffered agreed = Events.offered(id).setStatus(OfferStatus.AGREED).build();
        add(Topics.REMEDY_OFFERED, agreed);

        assertThat(state().stage()).isEqualTo(Stage.AGREED);
        assertThat(state().agreedOffer()).contains(agreed);
        assertThat(state().openOffer()).isEmpty();
    }

    @Test
    void aDeclinedOfferIsNoLongerOpenAndTheNextOfferIs() {
        add(Topics.COMPLAINTS_RECEIVED, received);
        RemedyOffered first = Events.offered(id).build();
        add(Topics.REMEDY_OFFERED, first);
        add(Topics.REMEDY_RESPONSES, Events.responded(id, first.getOfferId(), ResponseDecision.DECLINE).build());
        assertThat(state().openOffer()).isEmpty();
        assertThat(state().agreedOffer()).isEmpty();
        assertThat(state().responseTo(first.getOfferId())).isPresent();

        RemedyOffered better = Events.offered(id).setNegotiationRound(2).build();
        add(Topics.REMEDY_OFFERED, better);
        assertThat(state().openOffer()).contains(better);
        assertThat(state().negotiation()).hasSize(3);
    }

    @Test
    void anAnswerToAnOfferThatIsNotOpenChangesNothing() {
        add(Topics.COMPLAINTS_RECEIVED, received);
        RemedyOffered offer = Events.offered(id).build();
        add(Topics.REMEDY_OFFERED, offer);
        add(Topics.REMEDY_RESPONSES, Events.responded(id, "another-offer", ResponseDecision.ACCEPT).build());

        assertThat(state().openOffer()).contains(offer);
        assertThat(state().agreedOffer()).isEmpty();
    }

    @Test
    void eventsReadBeforeTheirComplaintReceivedStillCount() {
        add(Topics.COMPLAINTS_ACKNOWLEDGED, Events.acknowledged(id).build());
        add(Topics.COMPLAINTS_RECEIVED, received);

        assertThat(state().stage()).isEqualTo(Stage.ACKNOWLEDGED);
    }

    @Test
    void aRepeatedEventCountsOnce() {
        add(Topics.COMPLAINTS_RECEIVED, received);
        add(Topics.COMPLAINTS_RECEIVED, received);
        add(Topics.COMPLAINTS_RECEIVED, Events.received(id).build()); // a second event for the same round

        assertThat(state().events()).hasSize(2);
        assertThat(state().received()).isEqualTo(received);
        assertThat(state().round()).isEqualTo(1);
    }

    @Test
    void anUnhappyFollowUpReopensAndTheNewRoundStartsClean() {
        add(Topics.COMPLAINTS_RECEIVED, received);
        add(Topics.COMPLAINTS_ACKNOWLEDGED, Events.acknowledged(id).build());
        add(Topics.COMPLAINTS_RESOLVED, Events.resolved(id).build());
        FollowUpDue due = Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build();
        add(Topics.FOLLOW_UP_DUE, due);
        var completed = Events.followUpCompleted(id, false).setCausationId(due.getEventId()).build();
        add(Topics.FOLLOW_UP_OUTCOMES, completed);
        assertThat(ComplaintState.fold(id, history).orElseThrow().stage()).isEqualTo(Stage.REOPENED);

        ComplaintReceived round2 = Events.received(id).setRound(2).setCausationId(completed.getEventId())
                .setReopenedFrom(ReopenedFrom.newBuilder().setPreviousRound(1).setFollowUpEventId(completed.getEventId())
                        .setScore(2).setComment(null).build()).build();
        add(Topics.COMPLAINTS_RECEIVED, round2);
        ComplaintState reopened = state();
        assertThat(reopened.stage()).isEqualTo(Stage.REOPENED);
        assertThat(reopened.round()).isEqualTo(2);
        assertThat(reopened.received()).isEqualTo(round2);
        assertThat(reopened.firstReceived()).isEqualTo(received);
        assertThat(reopened.triage()).isEmpty();
        assertThat(reopened.resolution()).isEmpty();
        assertThat(reopened.currentRoundFollowUps()).isEmpty();
        assertThat(reopened.followUps()).hasSize(1);

        add(Topics.COMPLAINTS_ACKNOWLEDGED, Events.acknowledged(id).setRound(2).build());
        assertThat(state().stage()).isEqualTo(Stage.ACKNOWLEDGED);
    }

    @Test
    void aLateEventOfAnEarlierRoundDoesNotChangeTheCurrentRound() {
        add(Topics.COMPLAINTS_RECEIVED, received);
        add(Topics.COMPLAINTS_RECEIVED, Events.received(id).setRound(2).build());
        add(Topics.REMEDY_OFFERED, Events.offered(id).setRound(1).build());

        assertThat(state().stage()).isEqualTo(Stage.REOPENED);
        assertThat(state().openOffer()).isEmpty();
        assertThat(state().events()).hasSize(3);
    }

    @Test
    void anEscalationIsListedButDoesNotMoveTheStage() {
        add(Topics.COMPLAINTS_RECEIVED, received);
        RemedyOffered agreed = Events.offered(id).setStatus(OfferStatus.AGREED).build();
        add(Topics.REMEDY_OFFERED, agreed);
        add(Topics.FOLLOW_UP_DUE, Events.followUpDue(id, FollowUpKind.PROMISE_BREACHED).setOfferId(agreed.getOfferId()).build());

        assertThat(state().stage()).isEqualTo(Stage.AGREED);
        assertThat(state().followUps()).singleElement().satisfies(f -> assertThat(f.isSatisfactionCheck()).isFalse());
    }

    @Test
    void theViewShowsTheCurrentRoundAndEveryEventWithItsPayload() {
        add(Topics.COMPLAINTS_RECEIVED, received);
        add(Topics.COMPLAINTS_ACKNOWLEDGED, Events.acknowledged(id).build());
        RemedyOffered offer = Events.offered(id).setKind(RemedyKind.REFUND_PARTIAL)
                .setAmount(com.makeitright.contract.Monies.of("24.50", "USD")).build();
        add(Topics.REMEDY_OFFERED, offer);

        Map<String, Object> view = StatusView.of(state(), event -> event);

        assertThat(view).containsEntry("complaintId", id).containsEntry("stage", "OFFERED").containsEntry("round", 1)
                .containsEntry("customerId", received.getCustomer().getId()).containsEntry("channel", "EMAIL")
                .containsEntry("agreedOffer", null).containsEntry("resolution", null);
        assertThat(view.get("triage")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("cause", "OUR_ERROR").containsEntry("priority", "P3_NORMAL");
        assertThat(view.get("openOffer")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("offerId", offer.getOfferId()).containsEntry("status", "OPEN")
                .containsEntry("kind", "REFUND_PARTIAL")
                .containsEntry("amount", Map.of("amount", new java.math.BigDecimal("24.50"), "currency", "USD"));
        assertThat((List<?>) view.get("negotiation")).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("event", "RemedyOffered").containsEntry("offerId", offer.getOfferId());
        assertThat((List<?>) view.get("events")).hasSize(3).first().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("topic", "complaints.received").containsEntry("type", "ComplaintReceived")
                .containsEntry("eventId", received.getEventId()).containsEntry("causationId", null)
                .containsEntry("round", 1)
                .hasEntrySatisfying("payload", payload -> assertThat(payload.toString())
                        .contains("subject=" + received.getSubject(), "customer={", "order={"));
    }
}
