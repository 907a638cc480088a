package com.makeitright.negotiation;

import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.InspectionResult;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.ResponseDecision;

import java.time.Instant;

/**
 * The negotiation state machine of docs/architecture.md ("Negotiation"), once: which input fits which
 * {@link Stage} and what it leads to. Only an OPEN, unexpired offer can be answered; only a PENDING_APPROVAL
 * offer can be decided; only the agreed offer can be fulfilled, an inspection with its result; an open offer
 * expires once into a renewal and then ends the round. intake checks a request with these rules before it
 * publishes (409 at once), remedy applies the same rules to the event, so the two cannot disagree.
 * Pure: no clock (times are arguments), no I/O.
 */
public final class NegotiationRules {

    private NegotiationRules() {
    }

    /**
     * A customer's answer to an offer.
     *
     * @param offerId    the offer answered; null means the current one
     * @param answeredAt when the customer answered (a request's time at intake, the event's occurredAt at remedy)
     */
    public static Verdict answer(Position round, String offerId, ResponseDecision decision, Instant answeredAt) {
        String offer = offerId == null ? "the answer" : "offer " + offerId;
        if (round.stage() != Stage.AWAITING_ANSWER && round.stage() != Stage.AWAITING_APPROVAL) {
            return Verdict.refuse(Refusal.NO_OPEN_OFFER, offer + " is not the open offer: " + nothingOpen(round));
        }
        if (!round.names(offerId)) {
            return Verdict.refuse(Refusal.NOT_THE_OPEN_OFFER, offer + " is not the open offer " + round.offerId());
        }
        if (round.stage() == Stage.AWAITING_APPROVAL) {
            return Verdict.refuse(Refusal.OFFER_AWAITS_APPROVAL, "offer " + round.offerId()
                    + " is not the open offer yet: it waits for a supervisor's approval");
        }
        if (!answerable(round.expiresAt(), answeredAt)) {
            return Verdict.refuse(Refusal.OFFER_EXPIRED, "the answer came at " + answeredAt
                    + ", at or after the offer expired at " + round.expiresAt());
        }
        return Verdict.allow(switch (decision) {
            case ACCEPT -> Effect.AGREE;
            case COUNTER -> Effect.WEIGH_COUNTER;
            case DECLINE -> afterDecline(round.kind());
        });
    }

    /** What declining an offer of this kind leads to (also a counter that remedy refused). */
    public static Effect afterDecline(RemedyKind declined) {
        return declined == RemedyKind.MEDIATION ? Effect.NO_AGREEMENT : Effect.NEXT_OFFER;
    }

    /** A supervisor's decision on an offer; a null {@code offerId} means the one that waits. */
    public static Verdict decideApproval(Position round, String offerId, ApprovalDecision decision) {
        if (round.stage() != Stage.AWAITING_APPROVAL) {
            return Verdict.refuse(Refusal.NO_OFFER_AWAITS_APPROVAL,
                    (offerId == null ? "no offer" : "offer " + offerId) + " does not wait for approval");
        }
        if (!round.names(offerId)) {
            return Verdict.refuse(Refusal.NOT_THE_OPEN_OFFER, "offer " + offerId + " does not wait for approval; offer "
                    + round.offerId() + " does");
        }
        return Verdict.allow(decision == ApprovalDecision.APPROVED ? Effect.REOFFER_APPROVED : Effect.REOFFER_WITHIN_AGENT);
    }

    /** The agreed remedy reported done; a null {@code offerId} means the agreed one. */
    public static Verdict fulfill(Position round, String offerId, InspectionResult inspectionResult) {
        String offer = offerId == null ? "the fulfillment" : "offer " + offerId;
        if (round.stage() != Stage.AWAITING_FULFILLMENT) {
            return Verdict.refuse(Refusal.NOTHING_AGREED, offer + " is not the agreed offer: nothing agreed waits for fulfillment");
        }
        if (!round.names(offerId)) {
            return Verdict.refuse(Refusal.NOT_THE_AGREED_OFFER, offer + " is not the agreed offer " + round.offerId());
        }
        boolean inspection = round.kind() == RemedyKind.INSPECTION;
        if (inspection && inspectionResult == null) {
            return Verdict.refuse(Refusal.INSPECTION_RESULT_MISSING, "an inspection was reported without its result");
        }
        if (!inspection && inspectionResult != null) {
            return Verdict.refuse(Refusal.INSPECTION_RESULT_UNEXPECTED, "an inspection result was reported for "
                    + round.kind() + ", which is not an inspection");
        }
        if (!inspection) {
            return Verdict.allow(Effect.DELIVERED);
        }
        return Verdict.allow(inspectionResult == InspectionResult.FAULT_CONFIRMED
                ? Effect.REFUND_AFTER_INSPECTION : Effect.CLAIM_NOT_UPHELD);
    }

    /**
     * The passing of time: an open offer at or past its expiry is renewed once, then ends the round.
     *
     * @param renewedOnce the open offer is already the renewal of an expired one
     */
    public static Verdict expire(Position round, Instant now, boolean renewedOnce) {
        if (round.stage() != Stage.AWAITING_ANSWER || answerable(round.expiresAt(), now)) {
            return Verdict.refuse(Refusal.NOT_EXPIRED, "no open offer has expired");
        }
        return Verdict.allow(renewedOnce ? Effect.NO_RESPONSE : Effect.RENEW);
    }

    /** An open offer can be answered strictly before its expiry; from then on it is expired. */
    public static boolean answerable(Instant expiresAt, Instant at) {
        return at.isBefore(expiresAt);
    }

    private static String nothingOpen(Position round) {
        return switch (round.stage()) {
            case RESOLVED -> "the round is resolved";
            case AWAITING_FULFILLMENT -> "offer " + round.offerId() + " is already agreed";
            default -> "no offer is open";
        };
    }
}
