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
import com.makeitright.events.InspectionResult;
import com.makeitright.events.Money;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.Reasoning;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.ResponseDecision;
import com.makeitright.remedy.policy.RemedyPolicy;
import com.makeitright.remedy.policy.RemedyPolicy.Authority;
import com.makeitright.remedy.policy.RemedyPolicy.CounterVerdict;
import com.makeitright.remedy.policy.Situation;
import com.makeitright.remedy.policy.Terms;
import com.makeitright.remedy.negotiation.Negotiation.Offer;
import org.apache.avro.specific.SpecificRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The negotiation state machine of docs/architecture.md ("Negotiation"): given a complaint's negotiation and
 * one input event (or the passing of time), the next negotiation and the events to publish. Anything that
 * does not fit the current state (a duplicate, a late or stale answer, an answer to another offer) changes
 * nothing and says why.
 */
final class Negotiator {

    private final RemedyPolicy policy;
    private final Clock clock;

    Negotiator(RemedyPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** The outcome of one event: the negotiation after it, what to publish, and why nothing happened if so. */
    record Step(Negotiation state, List<SpecificRecord> events, String ignored) {
        static Step ignore(Negotiation state, String why) {
            return new Step(state, List.of(), why);
        }

        static Step of(Negotiation state, SpecificRecord... events) {
            return new Step(state, List.of(events), null);
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
        String stale = stale(state, r.getEventId(), r.getRound());
        if (stale != null) {
            return Step.ignore(state, stale);
        }
        Offer open = state.open();
        if (open == null || !open.offerId().equals(r.getOfferId())) {
            return Step.ignore(state, "offer " + r.getOfferId() + " is not the open offer");
        }
        if (r.getOccurredAt().isAfter(open.expiresAt())) {
            return Step.ignore(state, "the answer came at " + r.getOccurredAt() + ", after the offer expired at " + open.expiresAt());
        }
        Negotiation n = state.remembering(r.getEventId());
        if (r.getDecision() == ResponseDecision.ACCEPT) {
            return Step.of(n.withCurrent(open.agreed()));
        }
        if (r.getDecision() == ResponseDecision.COUNTER && r.getCounterOffer() != null) {
            RemedyPolicy.Counter counter = new RemedyPolicy.Counter(r.getCounterOffer().getKind(),
                    r.getCounterOffer().getAmount(), r.getCounterOffer().getDescription());
            CounterVerdict verdict = policy.counter(n.situation(), counter, open.terms());
            if (verdict.granted()) {
                Authority authority = policy.authority(verdict.terms());
                if (authority.level() != AuthorityLevel.OWNER) {
                    return offer(n, verdict.terms(), open.negotiationRound() + 1, r.getEventId(), null, r.getEventId());
                }
                return declined(n, open, r.getEventId(), "the counter (" + Monies.format(verdict.terms().estimatedCost())
                        + ") is beyond a supervisor's authority");
            }
            return declined(n, open, r.getEventId(), "the counter was not within reason: " + verdict.refusal());
        }
        return declined(n, open, r.getEventId(), "offer " + open.negotiationRound() + " was declined");
    }

    private Step declined(Negotiation n, Offer open, String causationId, String why) {
        Situation s = n.situation();
        if (open.terms().kind() == RemedyKind.MEDIATION) {
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
        String stale = stale(state, a.getEventId(), a.getRound());
        if (stale != null) {
            return Step.ignore(state, stale);
        }
        Offer pending = state.current();
        if (pending == null || pending.status() != OfferStatus.PENDING_APPROVAL || !pending.offerId().equals(a.getOfferId())) {
            return Step.ignore(state, "offer " + a.getOfferId() + " does not wait for approval");
        }
        Negotiation n = state.remembering(a.getEventId());
        if (a.getDecision() == ApprovalDecision.APPROVED) {
            return offer(n, pending.terms(), pending.negotiationRound(), a.getEventId(), a.getApprover(), pending.counterOfEventId());
        }
        Terms base = pending.terms().fromCustomer() && n.lastOpenTerms() != null ? n.lastOpenTerms() : pending.terms();
        Terms fitted = policy.fitToAgent(n.situation(), base, "rejected by " + a.getApprover()
                + (a.getNote() == null ? "" : " (\"" + a.getNote() + "\")"));
        return offer(n, fitted, pending.negotiationRound(), a.getEventId(), null, null);
    }

    Step fulfilled(Negotiation state, RemedyFulfilled f) {
        String stale = stale(state, f.getEventId(), f.getRound());
        if (stale != null) {
            return Step.ignore(state, stale);
        }
        Offer agreed = state.current();
        if (agreed == null || agreed.status() != OfferStatus.AGREED || !agreed.offerId().equals(f.getOfferId())) {
            return Step.ignore(state, "offer " + f.getOfferId() + " is not the agreed offer");
        }
        Negotiation n = state.remembering(f.getEventId());
        Terms terms = agreed.terms();
        if (terms.kind() == RemedyKind.INSPECTION) {
            if (f.getInspectionResult() == null) {
                return Step.ignore(state, "an inspection was reported without its result");
            }
            List<Terms.Line> inspectionCost = policy.fulfilledCost(terms, f.getActualCost());
            if (f.getInspectionResult() == InspectionResult.NO_FAULT_FOUND) {
                return resolve(n, ResolutionOutcome.CLAIM_NOT_UPHELD, agreed, inspectionCost, f.getEventId(), f);
            }
            return offer(n.carrying(inspectionCost), policy.refundAfterInspection(n.situation(), terms),
                    agreed.negotiationRound() + 1, f.getEventId(), null, null, true);
        }
        List<Terms.Line> lines = new ArrayList<>(policy.fulfilledCost(terms, f.getActualCost()));
        lines.addAll(n.carriedCosts());
        ResolutionOutcome outcome = terms.kind() == RemedyKind.REFUND_AND_DISENGAGE
                ? ResolutionOutcome.REFUNDED_AND_DISENGAGED : ResolutionOutcome.REMEDY_DELIVERED;
        return resolve(n, outcome, agreed, lines, f.getEventId(), f);
    }

    /** The passing of time: an open offer past its expiry is renewed once, then the round ends without an answer. */
    Step expire(Negotiation state) {
        Offer open = state == null ? null : state.open();
        Instant now = clock.instant();
        if (open == null || !now.isAfter(open.expiresAt())) {
            return Step.ignore(state, "no open offer has expired");
        }
        if (!state.renewed()) {
            Offer renewed = newOffer(state.situation(), open.terms(), open.negotiationRound(), open.approvedBy(),
                    open.counterOfEventId(), false);
            Negotiation n = state.withOffer(renewed, true);
            return Step.of(n, offered(n.situation(), renewed, open.eventId()));
        }
        return resolve(state, ResolutionOutcome.NO_RESPONSE, null, List.of(), open.eventId(), null);
    }

    /** Why an event does not apply to this negotiation at all, or null when it does. */
    private static String stale(Negotiation state, String eventId, int round) {
        if (state == null) {
            return "no negotiation for this complaint";
        }
        if (state.seen(eventId)) {
            return "event " + eventId + " was already handled";
        }
        if (round != state.situation().round()) {
            return "event of round " + round + " while round " + state.situation().round() + " is negotiated";
        }
        if (state.resolved()) {
            return "round " + round + " is already resolved";
        }
        return null;
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
