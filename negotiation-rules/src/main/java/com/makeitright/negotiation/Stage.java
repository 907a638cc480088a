package com.makeitright.negotiation;

import com.makeitright.events.OfferStatus;

/** Where a complaint's round stands in the negotiation of docs/architecture.md ("Negotiation"). */
public enum Stage {
    /** No offer to act on: none made yet, or the last one was answered and remedy's next is not out yet. */
    NO_OFFER,
    /** An {@code OPEN} offer waits for the customer's answer until it expires. */
    AWAITING_ANSWER,
    /** A {@code PENDING_APPROVAL} offer waits for a supervisor's (or owner's) decision. */
    AWAITING_APPROVAL,
    /** An agreed offer (accepted, or published {@code AGREED}) waits to be fulfilled. */
    AWAITING_FULFILLMENT,
    /** The round is resolved; nothing in it can change any more. */
    RESOLVED;

    /** The stage an offer puts its round in while it is the round's current offer. */
    public static Stage of(OfferStatus status) {
        return switch (status) {
            case OPEN -> AWAITING_ANSWER;
            case PENDING_APPROVAL -> AWAITING_APPROVAL;
            case AGREED -> AWAITING_FULFILLMENT;
        };
    }
}
