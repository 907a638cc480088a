package com.makeitright.remedy.negotiation;

import com.makeitright.contract.Monies;
import com.makeitright.events.AgreedRemedy;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.CostLine;
import com.makeitright.events.Factor;
import com.makeitright.events.Goodwill;
import com.makeitright.events.Money;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.Reasoning;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.remedy.policy.RemedyPolicy;
import com.makeitright.remedy.policy.RemedyPolicy.Authority;
import com.makeitright.remedy.policy.RemedyPolicy.CounterVerdict;
import com.makeitright.remedy.policy.Situation;
import com.makeitright.remedy.policy.Terms;
import com.makeitright.remedy.negotiation.Negotiation.Offer;
import com.makeitright.negotiation.Effect;
import com.makeitright.negotiation.NegotiationRules;
import com.makeitright.negotiation.Position;
import com.makeitright.negotiation.Refusal;
import com.makeitright.negotiation.Verdict;
import org.apache.avro.specific.SpecificRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Negotiates by the state machine of docs/architecture.md ("Negotiation"), which lives in
 * {@link NegotiationRules} (intake checks requests with the same rules): given a complaint's negotiation and one
 * input event (or the passing of time), the rules say whether it fits and what it leads to; this class carries
 * it out with remedy's policy (which offer, which amounts) and returns the next negotiation and the events to
 * publish. Anything that does not fit (a duplicate, an event of another round, a late or stale answer, an answer
 * to another offer) changes nothing and says why.
 */
final class Negotiator {

    private final RemedyPolicy policy;
    private final Clock clock;

    Negotiator(RemedyPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The outcome of one event: the negotiation after it, what to publish, and the rules' effect; or why nothing
     * happened (with the rules' refusal, or none when the event is a duplicate or of another round).
     */
    record Step(Negotiation state, List<SpecificRecord> events, String ignored, Effect effect, Refusal refusal) {
        static Step ignore(Negotiation state, String why) {
            return new Step(state, List.of(), why, null, null);
        }

        static Step refused(Negotiation state, Verdict verdict) {
            return new Step(state, List.of(), verdict.why(), null, verdict.refusal());
        }

        static Step of(Negotiation state, SpecificRecord... events) {
            return new Step(state, List.of(events), null, null, null);
        }

        Step as(Effect effect) {
            return new Step(state, events, ignored, effect, refusal);
        }
    }

    // ------------------------------------------------------------------------------------------- inputs

    Step acknowledged(Negotiation state, ComplaintAcknowledged ack) {
        if (state != null && (state.seen(ack.getEventId()) || state.situation().round() >= ack.getRound())) {
            return Step.ignore(state, "round " + ack.getRound() + " of " + ack.getComplaintId() + " was already acknowledged");
        }
        Situation s = Situation.of(ack);
        Terms terms = policy.choose(s);
        Negotiation fresh = new Negotiation(s, null, null, 0, false, false, false, List.of(), List.of())
                .remembering(ack.getEventId());
        return offer(fresh, terms, 1, ack.getEventId(), null, null);
    }

    Step responded(Negotiation state, RemedyResponded r) {
        Step refused = judge(state, r.getEventId(), r.getRound(),
                round -> NegotiationRules.answer(round, r.getOfferId(), r.getDecision(), r.getOccurredAt()));
        if (refused.ignored() != null) {
            return refused;
        }
        Offer open = state.current();
        Negotiation n = state.remembering(r.getEventId());
        Step step = switch (refused.effect()) {
            case AGREE -> Step.of(n.withCurrent(open.agreed()));
            case WEIGH_COUNTER -> r.getCounterOffer() == null
                    ? declined(n, open, r.getEventId(), "a counter without terms was taken as a decline")
                    : counter(n, open, r);
            default -> declined(n, open, r.getEventId(), "offer " + open.negotiationRound() + " was declined");
        };
        return step.as(refused.effect());
    }

    private Step counter(Negotiation n, Offer open, RemedyResponded r) {
        RemedyPolicy.Counter counter = new RemedyPolicy.Counter(r.getCounterOffer().getKind(),
                r.getCounterOffer().getAmount(), r.getCounterOffer().getDescription());
        CounterVerdict verdict = policy.counter(n.situation(), counter, open.terms());
        if (!verdict.granted()) {
            return declined(n, open, r.getEventId(), "the counter was not within reason: " + verdict.refusal());
        }
        if (policy.authority(verdict.terms()).level() == AuthorityLevel.OWNER) {
            return declined(n, open, r.getEventId(), "the counter (" + Monies.format(verdict.terms().estimatedCost())
                    + ") is beyond a supervisor's authority");
        }
        return offer(n, verdict.terms(), open.negotiationRound() + 1, r.getEventId(), null, r.getEventId());
    }

    /** A decline, or a counter answered like one: mediation ends the round; otherwise remedy offers again. */
    private Step declined(Negotiation n, Offer open, String causationId, String why) {
        Situation s = n.situation();
        if (NegotiationRules.afterDecline(open.terms().kind()) == Effect.NO_AGREEMENT) {
            return resolve(n, ResolutionOutcome.NO_AGREEMENT, null, List.of(), causationId, null);
        }
        if (!policy.negotiable(open.terms().kind()) || open.negotiationRound() >= policy.maxRounds()) {
            String reason = policy.negotiable(open.terms().kind())
                    ? why + " and " + policy.maxRounds() + " offers is the most we negotiate"
                    : why + "; " + open.terms().kind() + " is not a bargaining position";
            return offer(n, policy.mediation(s, open.terms(), reason), open.negotiationRound() + 1, causationId, null, null);
        }
        return offer(n, policy.improve(s, open.terms(), open.negotiationRound(), why), open.negotiationRound() + 1,
                causationId, null, null);
    }

    Step approvalDecided(Negotiation state, RemedyApprovalDecided a) {
        Step refused = judge(state, a.getEventId(), a.getRound(),
                round -> NegotiationRules.decideApproval(round, a.getOfferId(), a.getDecision()));
        if (refused.ignored() != null) {
            return refused;
        }
        Offer pending = state.current();
        if (a.getDecision() == ApprovalDecision.APPROVED) {
            // Authority comes from identity: intake sets it from the approver's role; an older producer's approval,
            // without it, counts as a supervisor's. Refused, it changes nothing and the processor logs why.
            AuthorityLevel authority = a.getApproverAuthority() == null ? AuthorityLevel.SUPERVISOR : a.getApproverAuthority();
            if (authority.ordinal() < pending.authorityLevel().ordinal()) {
                return Step.ignore(state, "the approval by " + a.getApprover() + " (" + authority + ") of offer "
                        + pending.offerId() + " is refused: it needs " + pending.authorityLevel() + " authority");
            }
        }
        Negotiation n = state.remembering(a.getEventId());
        if (refused.effect() == Effect.REOFFER_APPROVED) {
            return offer(n, pending.terms(), pending.negotiationRound(), a.getEventId(), a.getApprover(),
                    pending.counterOfEventId()).as(refused.effect());
        }
        Terms base = pending.terms().fromCustomer() && n.lastOpenTerms() != null ? n.lastOpenTerms() : pending.terms();
        Terms fitted = policy.fitToAgent(n.situation(), base, "rejected by " + a.getApprover()
                + (a.getNote() == null ? "" : " (\"" + a.getNote() + "\")"));
        return offer(n, fitted, pending.negotiationRound(), a.getEventId(), null, null).as(refused.effect());
    }

    Step fulfilled(Negotiation state, RemedyFulfilled f) {
        Step refused = judge(state, f.getEventId(), f.getRound(),
                round -> NegotiationRules.fulfill(round, f.getOfferId(), f.getInspectionResult()));
        if (refused.ignored() != null) {
            return refused;
        }
        Offer agreed = state.current();
        Negotiation n = state.remembering(f.getEventId());
        Terms terms = agreed.terms();
        List<Terms.Line> cost = policy.fulfilledCost(terms, f.getActualCost());
        Step step = switch (refused.effect()) {
            case CLAIM_NOT_UPHELD -> resolve(n, ResolutionOutcome.CLAIM_NOT_UPHELD, agreed, cost, f.getEventId(), f);
            case REFUND_AFTER_INSPECTION -> offer(n.carrying(cost), policy.refundAfterInspection(n.situation(), terms),
                    agreed.negotiationRound() + 1, f.getEventId(), null, null, true);
            default -> {
                List<Terms.Line> lines = new ArrayList<>(cost);
                lines.addAll(n.carriedCosts());
                ResolutionOutcome outcome = terms.kind() == RemedyKind.REFUND_AND_DISENGAGE
                        ? ResolutionOutcome.REFUNDED_AND_DISENGAGED : ResolutionOutcome.REMEDY_DELIVERED;
                yield resolve(n, outcome, agreed, lines, f.getEventId(), f);
            }
        };
        return step.as(refused.effect());
    }

    /** The passing of time: an open offer past its expiry is renewed once, then the round ends without an answer. */
    Step expire(Negotiation state) {
        Verdict verdict = NegotiationRules.expire(Negotiation.position(state), clock.instant(),
                state != null && state.renewed());
        if (!verdict.allowed()) {
            return Step.refused(state, verdict);
        }
        Offer open = state.open();
        if (verdict.effect() == Effect.RENEW) {
            Offer renewed = newOffer(state.situation(), open.terms(), open.negotiationRound(), open.approvedBy(),
                    open.counterOfEventId(), false);
            Negotiation n = state.withOffer(renewed, true);
            return Step.of(n, offered(n.situation(), renewed, open.eventId())).as(verdict.effect());
        }
        return resolve(state, ResolutionOutcome.NO_RESPONSE, null, List.of(), open.eventId(), null).as(verdict.effect());
    }

    /**
     * Whether an event applies: not when it was handled before or belongs to another round (redelivery, a late
     * event); otherwise as the negotiation rules judge it against the round. The returned step is either ignored
     * or carries only the allowed effect, for the caller to apply.
     */
    private static Step judge(Negotiation state, String eventId, int round, Function<Position, Verdict> rule) {
        Verdict verdict = rule.apply(Negotiation.position(state));
        if (state == null) {
            return new Step(null, List.of(), "no negotiation for this complaint: " + verdict.why(), null,
                    verdict.refusal());
        }
        if (state.seen(eventId)) {
            return Step.ignore(state, "event " + eventId + " was already handled");
        }
        if (round != state.situation().round()) {
            return Step.ignore(state, "event of round " + round + " while round " + state.situation().round() + " is negotiated");
        }
        return verdict.allowed() ? Step.of(state).as(verdict.effect()) : Step.refused(state, verdict);
    }

    // ------------------------------------------------------------------------------------------- outputs

    private Step offer(Negotiation n, Terms terms, int negotiationRound, String causationId, String approvedBy,
                       String counterOfEventId) {
        return offer(n, terms, negotiationRound, causationId, approvedBy, counterOfEventId, false);
    }

    private Step offer(Negotiation n, Terms terms, int negotiationRound, String causationId, String approvedBy,
                       String counterOfEventId, boolean agreedByPolicy) {
        Offer offer = newOffer(n.situation(), terms, negotiationRound, approvedBy, counterOfEventId, agreedByPolicy);
        Negotiation next = n.withOffer(offer, false);
        return Step.of(next, offered(next.situation(), offer, causationId));
    }

    /**
     * A new offer's status: a supervisor's (or owner's) if it costs more than an agent may grant and nobody approved
     * it yet; agreed when it is the customer's own counter granted, or owed by policy; otherwise open.
     */
    private Offer newOffer(Situation s, Terms terms, int negotiationRound, String approvedBy, String counterOfEventId,
                           boolean agreedByPolicy) {
        Instant now = clock.instant();
        Authority authority = policy.authority(terms);
        OfferStatus status;
        if (authority.approvalRequired() && approvedBy == null && !agreedByPolicy) {
            status = OfferStatus.PENDING_APPROVAL;
        } else if (terms.fromCustomer() || agreedByPolicy) {
            status = OfferStatus.AGREED;
        } else {
            status = OfferStatus.OPEN;
        }
        Instant expiresAt = policy.expiresAt(now);
        // An open offer may be accepted up to its expiry; the promise must hold from whenever that happens.
        Instant deliverBy = policy.deliverBy(terms.kind(), status == OfferStatus.AGREED ? now : expiresAt);
        return new Offer(UUID.randomUUID().toString(), UUID.randomUUID().toString(), negotiationRound, status, terms,
                authority.level(), authority.approvalRequired(), now, expiresAt, deliverBy,
                status == OfferStatus.PENDING_APPROVAL ? policy.approvalDueBy(now) : null, approvedBy, counterOfEventId);
    }

    private Step resolve(Negotiation n, ResolutionOutcome outcome, Offer remedy, List<Terms.Line> lines,
                         String causationId, RemedyFulfilled fulfilled) {
        Situation s = n.situation();
        String currency = remedy != null ? remedy.terms().currency()
                : n.current() != null ? n.current().terms().currency() : policy.zero(s).getCurrency();
        Money total = Monies.zero(currency);
        List<CostLine> costLines = new ArrayList<>();
        for (Terms.Line line : lines) {
            total = Monies.add(total, line.amount());
            costLines.add(CostLine.newBuilder().setCategory(line.category()).setAmount(line.amount()).build());
        }
        AgreedRemedy agreed = remedy == null ? null : AgreedRemedy.newBuilder()
                .setOfferId(remedy.offerId()).setKind(remedy.terms().kind()).setAmount(remedy.terms().amount())
                .setGoodwill(goodwill(remedy.terms())).setDescription(remedy.terms().description()).build();
        ComplaintResolved resolved = ComplaintResolved.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setComplaintId(s.complaintId())
                .setOccurredAt(clock.instant()).setCausationId(causationId).setRound(s.round())
                .setCustomerId(s.customerId()).setOutcome(outcome).setRemedy(agreed)
                .setCost(total).setCostLines(costLines)
                .setCause(s.cause()).setAnger(s.anger()).setChannel(s.channel())
                .setRootCause(fulfilled != null && fulfilled.getRootCause() != null ? fulfilled.getRootCause() : s.suspectedRootCause())
                .setNegotiationRounds(n.offersMade())
                .setDoNotServe(outcome == ResolutionOutcome.REFUNDED_AND_DISENGAGED || n.disengaged())
                .build();
        return Step.of(n.asResolved(), resolved);
    }

    private RemedyOffered offered(Situation s, Offer offer, String causationId) {
        Terms t = offer.terms();
        List<Factor> factors = t.reasoning().factors().stream()
                .map(f -> Factor.newBuilder().setName(f.name()).setValue(f.value()).setEffect(f.effect()).build())
                .toList();
        return RemedyOffered.newBuilder()
                .setEventId(offer.eventId()).setComplaintId(s.complaintId()).setOccurredAt(offer.offeredAt())
                .setCausationId(causationId).setRound(s.round())
                .setOfferId(offer.offerId()).setNegotiationRound(offer.negotiationRound()).setStatus(offer.status())
                .setKind(t.kind()).setDescription(t.description()).setAmount(t.amount()).setGoodwill(goodwill(t))
                .setEstimatedCost(t.estimatedCost()).setOpenQuestion(t.openQuestion())
                .setExpiresAt(offer.expiresAt()).setDeliverBy(offer.deliverBy())
                .setApprovalRequired(offer.approvalRequired()).setAuthorityLevel(offer.authorityLevel())
                .setApprovalDueBy(offer.approvalDueBy()).setApprovedBy(offer.approvedBy())
                .setCounterOfEventId(offer.counterOfEventId())
                .setReasoning(Reasoning.newBuilder().setRemedyCost(t.reasoning().remedyCost())
                        .setCostOfInaction(t.reasoning().costOfInaction()).setFactors(factors)
                        .setSummary(t.reasoning().summary()).build())
                .build();
    }

    private static Goodwill goodwill(Terms t) {
        return t.gesture() == null ? null
                : Goodwill.newBuilder().setDescription(t.gesture().description()).setValue(t.gesture().value()).build();
    }
}
