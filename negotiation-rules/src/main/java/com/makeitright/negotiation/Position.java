package com.makeitright.negotiation;

import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyKind;

import java.time.Instant;

/**
 * What the rules need to know of a round: its stage and the offer that stage is about (its id, its kind, and
 * when it expires if it is open). intake derives it from the complaint's folded view, remedy from its
 * negotiation store; both ask {@link NegotiationRules} with it.
 *
 * @param offerId   the current offer's id; null for {@link Stage#NO_OFFER} and {@link Stage#RESOLVED}
 * @param kind      the current offer's kind (an agreed inspection is fulfilled with its result)
 * @param expiresAt when an open offer stops being answerable; null when the stage has no open offer
 */
public record Position(Stage stage, String offerId, RemedyKind kind, Instant expiresAt) {

    private static final Position NO_OFFER = new Position(Stage.NO_OFFER, null, null, null);
    private static final Position RESOLVED = new Position(Stage.RESOLVED, null, null, null);

    public static Position noOffer() {
        return NO_OFFER;
    }

    public static Position resolved() {
        return RESOLVED;
    }

    /** The round as its current offer leaves it. */
    public static Position of(OfferStatus status, String offerId, RemedyKind kind, Instant expiresAt) {
        return new Position(Stage.of(status), offerId, kind, expiresAt);
    }

    /** An offer the customer accepted: agreed, whatever status it was published with. */
    public static Position agreed(String offerId, RemedyKind kind) {
        return new Position(Stage.AWAITING_FULFILLMENT, offerId, kind, null);
    }

    /** Whether the input names this position's offer; a null name means "the current one". */
    boolean names(String otherOfferId) {
        return otherOfferId == null || otherOfferId.equals(offerId);
    }
}
