package com.makeitright.remedy.negotiation;

import com.makeitright.contract.Monies;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.CounterOffer;
import com.makeitright.events.InspectionResult;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResponseDecision;
import com.makeitright.negotiation.Effect;
import com.makeitright.remedy.policy.PolicyProperties;
import com.makeitright.remedy.policy.RemedyPolicy;
import com.makeitright.testing.Events;
import com.makeitright.testing.MutableClock;
import com.makeitright.testing.NegotiationWalk;
import com.makeitright.testing.NegotiationWalk.Input;
import com.makeitright.testing.NegotiationWalk.Start;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * remedy's side of the transition walk: for every start (reached by driving the negotiator with real events)
 * and every input event, the {@link Negotiator} applies exactly the effect the walk names, ending in a stage the
 * effect allows, or ignores the event for the walk's reason. intake's {@code TransitionsWalkTest} walks the
 * same table, so intake never accepts a request that remedy would ignore, nor refuses one remedy would apply.
 */
class NegotiatorWalkTest {

    static final String ID = "c-walk";

    static List<NegotiationWalk.Step> walk() {
        return NegotiationWalk.steps();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walk")
    void remedyAppliesWhatTheRulesAllowAndIgnoresTheRestForTheirReason(NegotiationWalk.Step step) {
        Round round = new Round(step.start());

        Negotiator.Step applied = round.apply(step.input());

        if (applied.effect() == null) {
            assertThat(applied.refusal()).as("ignored: " + applied.ignored()).isNotNull();
            assertThat(applied.refusal().name()).isEqualTo(step.outcome());
            assertThat(applied.events()).isEmpty();
            assertThat(applied.state()).isSameAs(round.state);
            return;
        }
        assertThat(applied.effect().name()).isEqualTo(step.outcome());
        assertThat(applied.ignored()).isNull();
        assertThat(Negotiation.position(applied.state()).stage()).as("the stage after " + applied.effect())
                .isIn(applied.effect().leadsTo());
        assertThat(applied.events()).as("published").hasSize(applied.effect() == Effect.AGREE ? 0 : 1);
    }

    /** A negotiation driven to the start, on its own clock. */
    private static final class Round {
        final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        final Negotiator negotiator = new Negotiator(new RemedyPolicy(new PolicyProperties()), clock);
        Negotiation state;

        Round(Start start) {
            switch (start) {
                case NO_OFFER -> state = null;
                case OPEN_OFFER -> acknowledge(Events.acknowledged(ID));
                case OPEN_MEDIATION -> {
                    acknowledge(Events.acknowledged(ID));
                    for (int declines = 0; declines < 3; declines++) {
                        state = negotiator.responded(state, answer(ResponseDecision.DECLINE, currentOffer()).build()).state();
                    }
                    assertThat(state.current().terms().kind()).isEqualTo(RemedyKind.MEDIATION);
                }
                case PENDING_APPROVAL -> acknowledge(Events.acknowledged(ID).setOrder(Events.order("900.00"))
                        .setDesiredOutcome("refund"));
                case AGREED -> {
                    acknowledge(Events.acknowledged(ID));
                    state = negotiator.responded(state, answer(ResponseDecision.ACCEPT, currentOffer()).build()).state();
                }
                case AGREED_INSPECTION -> {
                    acknowledge(Events.acknowledged(ID).setCause(com.makeitright.events.Cause.SUSPECTED_ABUSE)
                            .setCauseConfidence(0.5).setOrder(Events.order("399.00")).setDesiredOutcome("Refund")
                            .setCustomerHistory(Events.noHistory().setNeverArrivedLast12Months(3).build()));
                    assertThat(state.current().terms().kind()).isEqualTo(RemedyKind.INSPECTION);
                    state = negotiator.responded(state, answer(ResponseDecision.ACCEPT, currentOffer()).build()).state();
                }
                case RESOLVED -> {
                    acknowledge(Events.acknowledged(ID));
                    for (int expiries = 0; expiries < 2; expiries++) {
                        clock.advance(Duration.ofDays(8));
                        state = negotiator.expire(state).state();
                    }
                    assertThat(state.resolved()).isTrue();
                }
            }
        }

        Negotiator.Step apply(Input input) {
            String offer = currentOffer();
            return switch (input) {
                case ACCEPT -> negotiator.responded(state, answer(ResponseDecision.ACCEPT, offer).build());
                case DECLINE -> negotiator.responded(state, answer(ResponseDecision.DECLINE, offer).build());
                case COUNTER -> negotiator.responded(state, answer(ResponseDecision.COUNTER, offer)
                        .setCounterOffer(CounterOffer.newBuilder().setKind(RemedyKind.REFUND_PARTIAL)
                                .setAmount(Monies.of("30.00", "USD")).setDescription("Half back").build()).build());
                case ACCEPT_LATE -> negotiator.responded(state, answer(ResponseDecision.ACCEPT, offer)
                        .setOccurredAt(state == null ? clock.instant() : state.current().expiresAt()).build());
                case ACCEPT_OTHER_OFFER -> negotiator.responded(state, answer(ResponseDecision.ACCEPT, "other").build());
                // the walk is about the rules of the round, so the approver has whatever authority the offer needs
                case APPROVE -> negotiator.approvalDecided(state, Events.approvalDecided(ID, offer, ApprovalDecision.APPROVED)
                        .setApproverAuthority(AuthorityLevel.OWNER).build());
                case REJECT -> negotiator.approvalDecided(state, Events.approvalDecided(ID, offer, ApprovalDecision.REJECTED).build());
                case APPROVE_OTHER_OFFER -> negotiator.approvalDecided(state,
                        Events.approvalDecided(ID, "other", ApprovalDecision.APPROVED).build());
                case FULFILL -> negotiator.fulfilled(state, Events.fulfilled(ID, offer, kind()).build());
                case FULFILL_OTHER_OFFER -> negotiator.fulfilled(state, Events.fulfilled(ID, "other", kind()).build());
                case FULFILL_FAULT_CONFIRMED -> negotiator.fulfilled(state, Events.fulfilled(ID, offer, kind())
                        .setInspectionResult(InspectionResult.FAULT_CONFIRMED).build());
                case FULFILL_NO_FAULT_FOUND -> negotiator.fulfilled(state, Events.fulfilled(ID, offer, kind())
                        .setInspectionResult(InspectionResult.NO_FAULT_FOUND).build());
            };
        }

        private void acknowledge(ComplaintAcknowledged.Builder ack) {
            state = negotiator.acknowledged(null, ack.build()).state();
        }

        private String currentOffer() {
            return state == null ? "no-offer-yet" : state.current().offerId();
        }

        private RemedyKind kind() {
            return state == null ? RemedyKind.REPLACEMENT : state.current().terms().kind();
        }

        private RemedyResponded.Builder answer(ResponseDecision decision, String offerId) {
            return Events.responded(ID, offerId, decision).setOccurredAt(clock.instant());
        }
    }
}
