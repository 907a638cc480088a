package com.makeitright.remedy.negotiation;

import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyKind;
import com.makeitright.negotiation.Position;
import com.makeitright.remedy.policy.Situation;
import com.makeitright.remedy.policy.Terms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One complaint's negotiation in its current round, as kept in the state store: the acknowledged facts, the
 * latest offer and what the round has seen. Immutable; every transition returns a new one.
 *
 * @param lastOpenTerms the last terms offered to the customer to answer (what a rejected counter falls back to)
 * @param offersMade    RemedyOffered events published in this round
 * @param renewed       the current open offer already had its one renewal after expiring
 * @param disengaged    a refund-and-disengage decision stands in this round
 * @param carriedCosts  costs already incurred in this round that the final resolution books (an inspection)
 * @param seenEventIds  recent input event ids, so a redelivered event changes nothing
 */
record Negotiation(Situation situation, Offer current, Terms lastOpenTerms, int offersMade, boolean renewed,
                   boolean disengaged, boolean resolved, List<Terms.Line> carriedCosts, List<String> seenEventIds) {

    static final int REMEMBERED_EVENTS = 64;

    Negotiation {
        carriedCosts = List.copyOf(carriedCosts);
        seenEventIds = List.copyOf(seenEventIds);
    }

    /** An offer as published, and its status now (an accepted OPEN offer becomes AGREED without a new event). */
    record Offer(String offerId, String eventId, int negotiationRound, OfferStatus status, Terms terms,
                 AuthorityLevel authorityLevel, boolean approvalRequired, Instant offeredAt, Instant expiresAt,
                 Instant deliverBy, Instant approvalDueBy, String approvedBy, String counterOfEventId) {

        Offer agreed() {
            return new Offer(offerId, eventId, negotiationRound, OfferStatus.AGREED, terms, authorityLevel,
                    approvalRequired, offeredAt, expiresAt, deliverBy, approvalDueBy, approvedBy, counterOfEventId);
        }
    }

    boolean seen(String eventId) {
        return seenEventIds.contains(eventId);
    }

    Negotiation remembering(String eventId) {
        List<String> ids = new ArrayList<>(seenEventIds);
        ids.add(eventId);
        while (ids.size() > REMEMBERED_EVENTS) {
            ids.remove(0);
        }
        return new Negotiation(situation, current, lastOpenTerms, offersMade, renewed, disengaged, resolved,
                carriedCosts, ids);
    }

    Negotiation withOffer(Offer offer, boolean renewal) {
        Terms open = offer.status() == OfferStatus.OPEN ? offer.terms() : lastOpenTerms;
        boolean disengages = disengaged || disengagement(offer);
        return new Negotiation(situation, offer, open, offersMade + 1, renewal, disengages, resolved, carriedCosts,
                seenEventIds);
    }

    Negotiation withCurrent(Offer offer) {
        return new Negotiation(situation, offer, lastOpenTerms, offersMade, renewed, disengaged || disengagement(offer),
                resolved, carriedCosts, seenEventIds);
    }

    Negotiation carrying(List<Terms.Line> costs) {
        List<Terms.Line> all = new ArrayList<>(carriedCosts);
        all.addAll(costs);
        return new Negotiation(situation, current, lastOpenTerms, offersMade, renewed, disengaged, resolved, all,
                seenEventIds);
    }

    Negotiation asResolved() {
        return new Negotiation(situation, current, lastOpenTerms, offersMade, renewed, disengaged, true, carriedCosts,
                seenEventIds);
    }

    /** The round as the negotiation rules see it; no negotiation yet is a round without an offer. */
    static Position position(Negotiation n) {
        if (n == null || n.current == null) {
            return Position.noOffer();
        }
        if (n.resolved) {
            return Position.resolved();
        }
        return Position.of(n.current.status(), n.current.offerId(), n.current.terms().kind(), n.current.expiresAt());
    }

    /** The offer the customer may answer now, or null. */
    Offer open() {
        return !resolved && current != null && current.status() == OfferStatus.OPEN ? current : null;
    }

    private static boolean disengagement(Offer offer) {
        return offer.terms().kind() == RemedyKind.REFUND_AND_DISENGAGE
                && offer.status() != OfferStatus.PENDING_APPROVAL;
    }
}
