package com.makeitright.remedy.negotiation;

import com.makeitright.contract.Monies;
import com.makeitright.events.Anger;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.Cause;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.CostCategory;
import com.makeitright.events.CounterOffer;
import com.makeitright.events.InspectionResult;
import com.makeitright.events.Money;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ReopenedFrom;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.ResponseDecision;
import com.makeitright.events.RootCause;
import com.makeitright.platform.JsonSerde;
import com.makeitright.remedy.policy.PolicyProperties;
import com.makeitright.remedy.policy.RemedyPolicy;
import com.makeitright.testing.Events;
import com.makeitright.testing.MutableClock;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The negotiation state machine of docs/architecture.md, transition by transition, on a hand-moved clock. */
class NegotiatorTest {

    static final String ID = "c-42";

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final PolicyProperties properties = new PolicyProperties();
    final Negotiator negotiator = new Negotiator(new RemedyPolicy(properties), clock);
    Negotiation state;

    // ------------------------------------------------------------------------------------ first offer, idempotency

    @Test
    void anAcknowledgedComplaintGetsOneOpenOfferWithItsDeadlines() {
        RemedyOffered offer = offered(negotiator.acknowledged(null, ack().build()));

        assertThat(offer.getStatus()).isEqualTo(OfferStatus.OPEN);
        assertThat(offer.getKind()).isEqualTo(RemedyKind.REPLACEMENT);
        assertThat(offer.getNegotiationRound()).isEqualTo(1);
        assertThat(offer.getAuthorityLevel()).isEqualTo(AuthorityLevel.AGENT);
        assertThat(offer.getApprovalRequired()).isFalse();
        assertThat(offer.getApprovalDueBy()).isNull();
        assertThat(offer.getExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(offer.getDeliverBy()).as("promise holds from the latest acceptance")
                .isEqualTo(offer.getExpiresAt().plus(Duration.ofDays(5)));
        assertThat(offer.getEstimatedCost()).isEqualTo(usd("19.60"));
        assertThat(offer.getReasoning().getCostOfInaction()).isEqualTo(usd("24.50"));
    }

    @Test
    void aDuplicateAcknowledgementOfTheSameRoundMakesNoSecondOffer() {
        ComplaintAcknowledged ack = ack().build();
        offered(negotiator.acknowledged(null, ack));

        Negotiator.Step sameEvent = negotiator.acknowledged(state, ack);
        Negotiator.Step sameRound = negotiator.acknowledged(state, ack().build());

        assertThat(sameEvent.events()).isEmpty();
        assertThat(sameRound.events()).isEmpty();
        assertThat(sameRound.ignored()).contains("already acknowledged");
    }

    // ------------------------------------------------------------------------------------------ answers

    @Test
    void anAcceptedOfferIsAgreedWithoutANewEventAndItsFulfillmentResolvesTheRoundWithItsCost() {
        RemedyOffered offer = offered(negotiator.acknowledged(null, ack().setAnger(Anger.HOSTILE).build()));
        assertThat(offer.getGoodwill().getValue()).isEqualTo(usd("5.00"));

        Negotiator.Step accepted = negotiator.responded(state, respond(offer, ResponseDecision.ACCEPT).build());
        assertThat(accepted.events()).isEmpty();
        state = accepted.state();
        assertThat(state.current().status()).isEqualTo(OfferStatus.AGREED);

        ComplaintResolved resolved = resolved(negotiator.fulfilled(state, Events.fulfilled(ID, offer.getOfferId(),
                RemedyKind.REPLACEMENT).setRootCause(RootCause.PACKING_ERROR).build()));
        assertThat(resolved.getOutcome()).isEqualTo(ResolutionOutcome.REMEDY_DELIVERED);
        assertThat(resolved.getCost()).isEqualTo(usd("24.60"));
        assertThat(resolved.getCostLines()).extracting(l -> l.getCategory() + " " + Monies.format(l.getAmount()))
                .containsExactly("GOODS_AT_COST 19.60 USD", "GIFT 5.00 USD");
        assertThat(resolved.getRemedy().getOfferId()).isEqualTo(offer.getOfferId());
        assertThat(resolved.getNegotiationRounds()).isEqualTo(1);
        assertThat(resolved.getDoNotServe()).isFalse();
    }

    @Test
    void theActualCostReportedAtFulfillmentReplacesTheEstimateButTheGiftKeepsItsValue() {
        RemedyOffered offer = offered(negotiator.acknowledged(null, ack().setAnger(Anger.HOSTILE).build()));
        state = negotiator.responded(state, respond(offer, ResponseDecision.ACCEPT).build()).state();

        ComplaintResolved resolved = resolved(negotiator.fulfilled(state, Events.fulfilled(ID, offer.getOfferId(),
                RemedyKind.REPLACEMENT).setActualCost(usd("12.00")).build()));

        assertThat(resolved.getCost()).isEqualTo(usd("17.00"));
        assertThat(resolved.getRootCause()).as("triage's guess when the agent names none").isEqualTo(RootCause.PACKING_ERROR);
    }

    @Test
    void eachDeclineBringsABetterOfferUntilMaxRoundsThenMediationAndADeclinedMediationEndsTheRound() {
        RemedyOffered first = offered(negotiator.acknowledged(null, ack().build()));
        RemedyOffered second = offered(negotiator.responded(state, respond(first, ResponseDecision.DECLINE).build()));
        RemedyOffered third = offered(negotiator.responded(state, respond(second, ResponseDecision.DECLINE).build()));
        RemedyOffered mediation = offered(negotiator.responded(state, respond(third, ResponseDecision.DECLINE).build()));

        assertThat(List.of(first, second, third, mediation)).extracting(RemedyOffered::getNegotiationRound)
                .containsExactly(1, 2, 3, 4);
        assertThat(second.getKind()).isEqualTo(RemedyKind.REPLACEMENT);
        assertThat(second.getGoodwill().getValue()).isEqualTo(usd("10.00"));
        assertThat(third.getGoodwill().getValue()).isEqualTo(usd("20.00"));
        assertThat(Monies.compare(third.getEstimatedCost(), second.getEstimatedCost())).isPositive();
        assertThat(second.getCausationId()).as("caused by the decline").isNotEqualTo(first.getEventId());
        assertThat(mediation.getKind()).isEqualTo(RemedyKind.MEDIATION);
        assertThat(mediation.getStatus()).isEqualTo(OfferStatus.OPEN);
        assertThat(mediation.getReasoning().getFactors()).anySatisfy(f ->
                assertThat(f.getEffect()).contains("3 offers is the most we negotiate"));

        ComplaintResolved resolved = resolved(negotiator.responded(state, respond(mediation, ResponseDecision.DECLINE).build()));
        assertThat(resolved.getOutcome()).isEqualTo(ResolutionOutcome.NO_AGREEMENT);
        assertThat(resolved.getCost()).isEqualTo(usd("0.00"));
        assertThat(resolved.getRemedy()).isNull();
        assertThat(resolved.getNegotiationRounds()).isEqualTo(4);
    }

    @Test
    void aCounterWithinTheAgentsAuthorityIsAgreed() {
        RemedyOffered first = offered(negotiator.acknowledged(null, ack().build()));
        RemedyResponded counter = counter(first, RemedyKind.REFUND_PARTIAL, "30.00");

        RemedyOffered agreed = offered(negotiator.responded(state, counter));

        assertThat(agreed.getStatus()).isEqualTo(OfferStatus.AGREED);
        assertThat(agreed.getKind()).isEqualTo(RemedyKind.REFUND_PARTIAL);
        assertThat(agreed.getAmount()).isEqualTo(usd("30.00"));
        assertThat(agreed.getCounterOfEventId()).isEqualTo(counter.getEventId());
        assertThat(agreed.getNegotiationRound()).isEqualTo(2);
        assertThat(agreed.getDeliverBy()).isEqualTo(clock.instant().plus(Duration.ofDays(3)));
    }

    @Test
    void aCounterAboveTheAgentsAuthorityWaitsForASupervisorWhoseApprovalAgreesIt() {
        RemedyOffered first = offered(negotiator.acknowledged(null, ack().setOrder(Events.order("120.00")).build()));
        RemedyOffered pending = offered(negotiator.responded(state, counter(first, RemedyKind.REFUND_FULL, "120.00")));

        assertThat(pending.getStatus()).isEqualTo(OfferStatus.PENDING_APPROVAL);
        assertThat(pending.getApprovalRequired()).isTrue();
        assertThat(pending.getAuthorityLevel()).isEqualTo(AuthorityLevel.SUPERVISOR);
        assertThat(pending.getApprovalDueBy()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(negotiator.responded(state, respond(pending, ResponseDecision.ACCEPT).build()).ignored())
                .as("a pending offer cannot be answered").contains("not the open offer");

        RemedyOffered approved = offered(negotiator.approvalDecided(state,
                Events.approvalDecided(ID, pending.getOfferId(), ApprovalDecision.APPROVED).build()));

        assertThat(approved.getStatus()).isEqualTo(OfferStatus.AGREED);
        assertThat(approved.getApprovedBy()).isEqualTo("sam.supervisor");
        assertThat(approved.getAmount()).isEqualTo(usd("120.00"));
        assertThat(approved.getOfferId()).isNotEqualTo(pending.getOfferId());
        assertThat(approved.getApprovalDueBy()).isNull();
    }

    @Test
    void anApprovalBelowTheOffersAuthorityIsRefusedAndChangesNothing() {
        RemedyOffered first = offered(negotiator.acknowledged(null, ack().setOrder(Events.order("120.00")).build()));
        RemedyOffered pending = offered(negotiator.responded(state, counter(first, RemedyKind.REFUND_FULL, "120.00")));
        assertThat(pending.getAuthorityLevel()).isEqualTo(AuthorityLevel.SUPERVISOR);

        Negotiator.Step refused = negotiator.approvalDecided(state, Events.approvalDecided(ID, pending.getOfferId(),
                ApprovalDecision.APPROVED).setApprover("ann.agent").setApproverAuthority(AuthorityLevel.AGENT).build());

        assertThat(refused.events()).isEmpty();
        assertThat(refused.ignored()).contains("ann.agent", "AGENT", "needs SUPERVISOR");
        assertThat(offered(negotiator.approvalDecided(state, Events.approvalDecided(ID, pending.getOfferId(),
                ApprovalDecision.APPROVED).setApproverAuthority(AuthorityLevel.SUPERVISOR).build())).getStatus())
                .isEqualTo(OfferStatus.AGREED);
    }

    @Test
    void aRejectedCounterFallsBackToTheOfferTheCustomerCountered() {
        RemedyOffered first = offered(negotiator.acknowledged(null, ack().setOrder(Events.order("120.00")).build()));
        RemedyOffered pending = offered(negotiator.responded(state, counter(first, RemedyKind.REFUND_FULL, "120.00")));

        RemedyOffered after = offered(negotiator.approvalDecided(state,
                Events.approvalDecided(ID, pending.getOfferId(), ApprovalDecision.REJECTED).build()));

        assertThat(after.getStatus()).isEqualTo(OfferStatus.OPEN);
        assertThat(after.getKind()).isEqualTo(first.getKind());
        assertThat(after.getEstimatedCost()).isEqualTo(first.getEstimatedCost());
        assertThat(after.getAuthorityLevel()).isEqualTo(AuthorityLevel.AGENT);
    }

    @Test
    void aRejectedOfferAboveAuthorityIsCutToWhatAnAgentMayGrant() {
        RemedyOffered pending = offered(negotiator.acknowledged(null, ack().setOrder(Events.order("200.00"))
                .setDesiredOutcome("A refund please").setAnger(Anger.CALM).build()));
        assertThat(pending.getStatus()).isEqualTo(OfferStatus.PENDING_APPROVAL);

        RemedyOffered after = offered(negotiator.approvalDecided(state,
                Events.approvalDecided(ID, pending.getOfferId(), ApprovalDecision.REJECTED).build()));

        assertThat(after.getStatus()).isEqualTo(OfferStatus.OPEN);
        assertThat(after.getKind()).isEqualTo(RemedyKind.REFUND_PARTIAL);
        assertThat(after.getAmount()).isEqualTo(usd("50.00"));
        assertThat(after.getEstimatedCost()).isEqualTo(usd("50.00"));
    }

    @Test
    void aCounterBeyondReasonOrBeyondASupervisorIsAnsweredLikeADecline() {
        RemedyOffered first = offered(negotiator.acknowledged(null, ack().build()));
        RemedyOffered afterGreedy = offered(negotiator.responded(state, counter(first, RemedyKind.REFUND_PARTIAL, "900.00")));

        assertThat(afterGreedy.getStatus()).isEqualTo(OfferStatus.OPEN);
        assertThat(afterGreedy.getKind()).isEqualTo(RemedyKind.REPLACEMENT);
        assertThat(afterGreedy.getNegotiationRound()).isEqualTo(2);
        assertThat(afterGreedy.getReasoning().getFactors()).anySatisfy(f ->
                assertThat(f.getEffect()).contains("more than the 49.00 USD paid"));

        state = null;
        RemedyOffered big = offered(negotiator.acknowledged(null, ack().setCause(Cause.MISUNDERSTANDING)
                .setSuspectedRootCause(RootCause.OTHER).setOrder(Events.order("2000.00")).build()));
        assertThat(big.getStatus()).isEqualTo(OfferStatus.OPEN);
        RemedyOffered afterHuge = offered(negotiator.responded(state, counter(big, RemedyKind.REFUND_PARTIAL, "1500.00")));
        assertThat(afterHuge.getKind()).isEqualTo(big.getKind());
        assertThat(afterHuge.getReasoning().getFactors()).anySatisfy(f ->
                assertThat(f.getEffect()).contains("beyond a supervisor's authority"));
    }

    @Test
    void lateStaleAndForeignAnswersChangeNothing() {
        RemedyOffered first = offered(negotiator.acknowledged(null, ack().build()));

        RemedyResponded late = respond(first, ResponseDecision.ACCEPT).setOccurredAt(first.getExpiresAt().plusSeconds(1)).build();
        RemedyResponded otherOffer = Events.responded(ID, "not-this-offer", ResponseDecision.ACCEPT).build();
        RemedyResponded otherRound = respond(first, ResponseDecision.ACCEPT).setRound(2).build();

        assertThat(negotiator.responded(state, late).ignored()).contains("after the offer expired");
        assertThat(negotiator.responded(state, otherOffer).ignored()).contains("not the open offer");
        assertThat(negotiator.responded(state, otherRound).ignored()).contains("round 2");
        assertThat(negotiator.responded(null, late).ignored()).contains("no negotiation");
        assertThat(negotiator.fulfilled(state, Events.fulfilled(ID, first.getOfferId(), RemedyKind.REPLACEMENT).build()).ignored())
                .as("only an agreed offer can be fulfilled").contains("not the agreed offer");
    }

    @Test
    void aRedeliveredAnswerIsHandledOnce() {
        RemedyOffered first = offered(negotiator.acknowledged(null, ack().build()));
        RemedyResponded decline = respond(first, ResponseDecision.DECLINE).build();
        offered(negotiator.responded(state, decline));

        assertThat(negotiator.responded(state, decline).ignored()).contains("already handled");
    }

    // ------------------------------------------------------------------------------------------ expiry

    @Test
    void anUnansweredOfferIsRenewedOnceThenTheRoundEndsWithoutResponse() {
        RemedyOffered first = offered(negotiator.acknowledged(null, ack().build()));
        assertThat(negotiator.expire(state).events()).as("not yet expired").isEmpty();

        clock.advance(Duration.ofDays(7).plusSeconds(1));
        RemedyOffered renewed = offered(negotiator.expire(state));

        assertThat(renewed.getOfferId()).isNotEqualTo(first.getOfferId());
        assertThat(renewed.getKind()).isEqualTo(first.getKind());
        assertThat(renewed.getEstimatedCost()).isEqualTo(first.getEstimatedCost());
        assertThat(renewed.getNegotiationRound()).isEqualTo(first.getNegotiationRound());
        assertThat(renewed.getExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(renewed.getCausationId()).isEqualTo(first.getEventId());
        assertThat(negotiator.responded(state, respond(first, ResponseDecision.ACCEPT).build()).ignored())
                .as("the expired offer can no longer be accepted").contains("not the open offer");

        clock.advance(Duration.ofDays(7).plusSeconds(1));
        ComplaintResolved resolved = resolved(negotiator.expire(state));

        assertThat(resolved.getOutcome()).isEqualTo(ResolutionOutcome.NO_RESPONSE);
        assertThat(resolved.getCausationId()).isEqualTo(renewed.getEventId());
        assertThat(resolved.getNegotiationRounds()).isEqualTo(2);
        assertThat(negotiator.expire(state).events()).as("resolved rounds do not expire again").isEmpty();
    }

    @Test
    void offersWaitingForApprovalOrFulfillmentDoNotExpire() {
        RemedyOffered pending = offered(negotiator.acknowledged(null, ack().setOrder(Events.order("900.00"))
                .setDesiredOutcome("refund").build()));
        assertThat(pending.getStatus()).isEqualTo(OfferStatus.PENDING_APPROVAL);
        clock.advance(Duration.ofDays(30));

        assertThat(negotiator.expire(state).events()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ special remedies

    @Test
    void anInspectionThatConfirmsTheFaultLeadsToAnAgreedRefundWhoseFulfillmentBooksBoth() {
        RemedyOffered inspection = offered(negotiator.acknowledged(null, abuse().build()));
        assertThat(inspection.getKind()).isEqualTo(RemedyKind.INSPECTION);
        assertThat(inspection.getAmount()).as("no refund first").isNull();
        state = negotiator.responded(state, respond(inspection, ResponseDecision.ACCEPT).build()).state();

        RemedyOffered refund = offered(negotiator.fulfilled(state, Events.fulfilled(ID, inspection.getOfferId(),
                RemedyKind.INSPECTION).setInspectionResult(InspectionResult.FAULT_CONFIRMED).build()));
        assertThat(refund.getKind()).isEqualTo(RemedyKind.REFUND_FULL);
        assertThat(refund.getStatus()).isEqualTo(OfferStatus.AGREED);
        assertThat(refund.getAmount()).isEqualTo(usd("399.00"));

        ComplaintResolved resolved = resolved(negotiator.fulfilled(state, Events.fulfilled(ID, refund.getOfferId(),
                RemedyKind.REFUND_FULL).build()));
        assertThat(resolved.getOutcome()).isEqualTo(ResolutionOutcome.REMEDY_DELIVERED);
        assertThat(resolved.getCostLines()).extracting(l -> l.getCategory() + " " + Monies.format(l.getAmount()))
                .containsExactly("REFUND 399.00 USD", "SERVICE_AT_COST 10.00 USD");
        assertThat(resolved.getCost()).isEqualTo(usd("409.00"));
    }

    @Test
    void anInspectionThatFindsNoFaultClosesTheClaimAsNotUpheld() {
        RemedyOffered inspection = offered(negotiator.acknowledged(null, abuse().build()));
        state = negotiator.responded(state, respond(inspection, ResponseDecision.ACCEPT).build()).state();

        assertThat(negotiator.fulfilled(state, Events.fulfilled(ID, inspection.getOfferId(), RemedyKind.INSPECTION).build())
                .ignored()).contains("without its result");
        ComplaintResolved resolved = resolved(negotiator.fulfilled(state, Events.fulfilled(ID, inspection.getOfferId(),
                RemedyKind.INSPECTION).setInspectionResult(InspectionResult.NO_FAULT_FOUND).build()));

        assertThat(resolved.getOutcome()).isEqualTo(ResolutionOutcome.CLAIM_NOT_UPHELD);
        assertThat(resolved.getCost()).isEqualTo(usd("10.00"));
    }

    @Test
    void aDeclinedInspectionGoesToMediationNotToABetterOffer() {
        RemedyOffered inspection = offered(negotiator.acknowledged(null, abuse().build()));

        RemedyOffered next = offered(negotiator.responded(state, counter(inspection, RemedyKind.REFUND_FULL, "399.00")));

        assertThat(next.getKind()).isEqualTo(RemedyKind.MEDIATION);
        assertThat(next.getReasoning().getFactors()).anySatisfy(f ->
                assertThat(f.getEffect()).contains("nothing is given before the item is inspected"));
    }

    @Test
    void refundAndDisengageIsResolvedAsDisengagedAndFlagsTheCustomer() {
        RemedyOffered offer = offered(negotiator.acknowledged(null, ack().setCause(Cause.UNREASONABLE)
                .setAnger(Anger.HOSTILE).setOrder(Events.order("3.50")).build()));
        assertThat(offer.getKind()).isEqualTo(RemedyKind.REFUND_AND_DISENGAGE);
        assertThat(offer.getOpenQuestion()).isNull();
        state = negotiator.responded(state, respond(offer, ResponseDecision.ACCEPT).build()).state();

        ComplaintResolved resolved = resolved(negotiator.fulfilled(state, Events.fulfilled(ID, offer.getOfferId(),
                RemedyKind.REFUND_AND_DISENGAGE).build()));

        assertThat(resolved.getOutcome()).isEqualTo(ResolutionOutcome.REFUNDED_AND_DISENGAGED);
        assertThat(resolved.getDoNotServe()).isTrue();
        assertThat(resolved.getCostLines()).extracting(l -> l.getCategory()).containsExactly(CostCategory.REFUND);
    }

    @Test
    void aFlaggedCustomersComplaintWaitsForASupervisorWhoMayTreatItOnItsMerits() {
        RemedyOffered flagged = offered(negotiator.acknowledged(null, ack().setCustomerHistory(
                Events.noHistory().setDoNotServe(true).build()).build()));
        assertThat(flagged.getStatus()).isEqualTo(OfferStatus.PENDING_APPROVAL);
        assertThat(flagged.getAuthorityLevel()).isEqualTo(AuthorityLevel.SUPERVISOR);
        assertThat(flagged.getKind()).isEqualTo(RemedyKind.REFUND_AND_DISENGAGE);

        RemedyOffered onMerits = offered(negotiator.approvalDecided(state,
                Events.approvalDecided(ID, flagged.getOfferId(), ApprovalDecision.REJECTED).build()));

        assertThat(onMerits.getKind()).isEqualTo(RemedyKind.REPLACEMENT);
        assertThat(onMerits.getStatus()).isEqualTo(OfferStatus.OPEN);
    }

    @Test
    void aReopenedRoundStartsAFreshMoreGenerousNegotiation() {
        RemedyOffered first = offered(negotiator.acknowledged(null, ack().build()));
        state = negotiator.responded(state, respond(first, ResponseDecision.ACCEPT).build()).state();
        resolved(negotiator.fulfilled(state, Events.fulfilled(ID, first.getOfferId(), RemedyKind.REPLACEMENT).build()));

        RemedyOffered reopened = offered(negotiator.acknowledged(state, ack().setRound(2).setReopenedFrom(
                ReopenedFrom.newBuilder().setPreviousRound(1).setFollowUpEventId("f-1").setScore(2)
                        .setComment("The replacement broke again").build()).build()));

        assertThat(reopened.getRound()).isEqualTo(2);
        assertThat(reopened.getNegotiationRound()).isEqualTo(1);
        assertThat(reopened.getGoodwill()).as("first round had no gift; the reopened one does").isNotNull();
        assertThat(reopened.getReasoning().getFactors()).anySatisfy(f -> assertThat(f.getEffect()).contains("reopened"));
    }

    @Test
    void theStateSurvivesItsJsonRoundTripExactly() {
        RemedyOffered first = offered(negotiator.acknowledged(null, ack().setAnger(Anger.HOSTILE).build()));
        offered(negotiator.responded(state, respond(first, ResponseDecision.DECLINE).build()));

        var serde = JsonSerde.of(Negotiation.class);
        Negotiation copy = serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));

        assertThat(copy).isEqualTo(state);
    }

    // ------------------------------------------------------------------------------------------ helpers

    static ComplaintAcknowledged.Builder ack() {
        return Events.acknowledged(ID);
    }

    static ComplaintAcknowledged.Builder abuse() {
        return ack().setCause(Cause.SUSPECTED_ABUSE).setCauseConfidence(0.5).setOrder(Events.order("399.00"))
                .setDesiredOutcome("Refund").setCustomerHistory(Events.noHistory().setComplaintsLast12Months(3)
                        .setNeverArrivedLast12Months(3).build());
    }

    static RemedyResponded.Builder respond(RemedyOffered offer, ResponseDecision decision) {
        return Events.responded(ID, offer.getOfferId(), decision).setCausationId(offer.getEventId());
    }

    static RemedyResponded counter(RemedyOffered offer, RemedyKind kind, String amount) {
        return respond(offer, ResponseDecision.COUNTER).setCounterOffer(CounterOffer.newBuilder().setKind(kind)
                .setAmount(usd(amount)).setDescription("That would be fair").build()).build();
    }

    static Money usd(String amount) {
        return Monies.of(amount, "USD");
    }

    RemedyOffered offered(Negotiator.Step step) {
        assertThat(step.ignored()).as("ignored").isNull();
        state = step.state();
        assertThat(step.events()).hasSize(1);
        SpecificRecord event = step.events().get(0);
        assertThat(event).isInstanceOf(RemedyOffered.class);
        return (RemedyOffered) event;
    }

    ComplaintResolved resolved(Negotiator.Step step) {
        assertThat(step.ignored()).as("ignored").isNull();
        state = step.state();
        assertThat(step.events()).singleElement().isInstanceOf(ComplaintResolved.class);
        assertThat(state.resolved()).isTrue();
        return (ComplaintResolved) step.events().get(0);
    }
}
