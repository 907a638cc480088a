package com.makeitright.negotiation;

import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.InspectionResult;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.ResponseDecision;
import com.makeitright.testing.NegotiationWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules give every transition of the shared walk, and expire an open offer once into a renewal. */
class NegotiationRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant EXPIRES = NOW.plusSeconds(3600);
    private static final String OFFER = "offer-1";

    static List<NegotiationWalk.Step> walk() {
        return NegotiationWalk.steps();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walk")
    void everyStartAndInputGivesTheOutcomeOfTheWalk(NegotiationWalk.Step step) {
        assertThat(verdict(position(step.start()), step.input()).outcome()).isEqualTo(step.outcome());
    }

    @Test
    void aRefusalSaysWhy() {
        Verdict late = NegotiationRules.answer(position(NegotiationWalk.Start.OPEN_OFFER), OFFER,
                ResponseDecision.ACCEPT, EXPIRES.plusSeconds(1));

        assertThat(late.allowed()).isFalse();
        assertThat(late.why()).contains("after the offer expired at " + EXPIRES);
    }

    @Test
    void noNameMeansTheCurrentOffer() {
        assertThat(NegotiationRules.answer(position(NegotiationWalk.Start.OPEN_OFFER), null, ResponseDecision.ACCEPT, NOW)
                .effect()).isEqualTo(Effect.AGREE);
        assertThat(NegotiationRules.fulfill(position(NegotiationWalk.Start.AGREED), null, null).effect())
                .isEqualTo(Effect.DELIVERED);
    }

    @Test
    void anOpenOfferExpiresAtItsExpiryOnceIntoARenewalThenEndsTheRound() {
        Position open = position(NegotiationWalk.Start.OPEN_OFFER);

        assertThat(NegotiationRules.expire(open, EXPIRES.minusMillis(1), false).refusal()).isEqualTo(Refusal.NOT_EXPIRED);
        assertThat(NegotiationRules.expire(open, EXPIRES, false).effect()).isEqualTo(Effect.RENEW);
        assertThat(NegotiationRules.expire(open, EXPIRES, true).effect()).isEqualTo(Effect.NO_RESPONSE);
        for (NegotiationWalk.Start start : NegotiationWalk.Start.values()) {
            if (start != NegotiationWalk.Start.OPEN_OFFER && start != NegotiationWalk.Start.OPEN_MEDIATION) {
                assertThat(NegotiationRules.expire(position(start), EXPIRES.plusSeconds(86_400), false).allowed())
                        .as("only an open offer expires, not " + start).isFalse();
            }
        }
    }

    @Test
    void theStageOfAnOfferFollowsItsStatus() {
        assertThat(Stage.of(OfferStatus.OPEN)).isEqualTo(Stage.AWAITING_ANSWER);
        assertThat(Stage.of(OfferStatus.PENDING_APPROVAL)).isEqualTo(Stage.AWAITING_APPROVAL);
        assertThat(Stage.of(OfferStatus.AGREED)).isEqualTo(Stage.AWAITING_FULFILLMENT);
        assertThat(Effect.AGREE.leadsTo()).containsExactly(Stage.AWAITING_FULFILLMENT);
        assertThat(Effect.NO_RESPONSE.leadsTo()).containsExactly(Stage.RESOLVED);
    }

    static Position position(NegotiationWalk.Start start) {
        return switch (start) {
            case NO_OFFER -> Position.noOffer();
            case OPEN_OFFER -> Position.of(OfferStatus.OPEN, OFFER, RemedyKind.REPLACEMENT, EXPIRES);
            case OPEN_MEDIATION -> Position.of(OfferStatus.OPEN, OFFER, RemedyKind.MEDIATION, EXPIRES);
            case PENDING_APPROVAL -> Position.of(OfferStatus.PENDING_APPROVAL, OFFER, RemedyKind.REFUND_FULL, EXPIRES);
            case AGREED -> Position.agreed(OFFER, RemedyKind.REPLACEMENT);
            case AGREED_INSPECTION -> Position.agreed(OFFER, RemedyKind.INSPECTION);
            case RESOLVED -> Position.resolved();
        };
    }

    static Verdict verdict(Position round, NegotiationWalk.Input input) {
        return switch (input) {
            case ACCEPT -> NegotiationRules.answer(round, OFFER, ResponseDecision.ACCEPT, NOW);
            case DECLINE -> NegotiationRules.answer(round, OFFER, ResponseDecision.DECLINE, NOW);
            case COUNTER -> NegotiationRules.answer(round, OFFER, ResponseDecision.COUNTER, NOW);
            case ACCEPT_LATE -> NegotiationRules.answer(round, OFFER, ResponseDecision.ACCEPT, EXPIRES);
            case ACCEPT_OTHER_OFFER -> NegotiationRules.answer(round, "other", ResponseDecision.ACCEPT, NOW);
            case APPROVE -> NegotiationRules.decideApproval(round, OFFER, ApprovalDecision.APPROVED);
            case REJECT -> NegotiationRules.decideApproval(round, OFFER, ApprovalDecision.REJECTED);
            case APPROVE_OTHER_OFFER -> NegotiationRules.decideApproval(round, "other", ApprovalDecision.APPROVED);
            case FULFILL -> NegotiationRules.fulfill(round, OFFER, null);
            case FULFILL_OTHER_OFFER -> NegotiationRules.fulfill(round, "other", null);
            case FULFILL_FAULT_CONFIRMED -> NegotiationRules.fulfill(round, OFFER, InspectionResult.FAULT_CONFIRMED);
            case FULFILL_NO_FAULT_FOUND -> NegotiationRules.fulfill(round, OFFER, InspectionResult.NO_FAULT_FOUND);
        };
    }
}
