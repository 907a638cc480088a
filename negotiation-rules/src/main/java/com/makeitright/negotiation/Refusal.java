package com.makeitright.negotiation;

/**
 * Why an input does not fit the round's stage. intake answers each with a 409 (the two inspection-result ones
 * with a 400, as they are about the request's body); remedy ignores the event, logging why.
 */
public enum Refusal {
    /** An answer, but no offer is open (none yet, already answered or agreed, or the round is resolved). */
    NO_OPEN_OFFER,
    /** An answer or a decision that names another offer than the one it can be about. */
    NOT_THE_OPEN_OFFER,
    /** An answer to an offer that a supervisor has to approve first. */
    OFFER_AWAITS_APPROVAL,
    /** An answer given at or after the offer's {@code expiresAt}. */
    OFFER_EXPIRED,
    /** An approval decision, but no offer waits for one. */
    NO_OFFER_AWAITS_APPROVAL,
    /** A fulfillment, but nothing agreed waits for one. */
    NOTHING_AGREED,
    /** A fulfillment that names another offer than the agreed one. */
    NOT_THE_AGREED_OFFER,
    /** An agreed inspection reported done without its result. */
    INSPECTION_RESULT_MISSING,
    /** An inspection result for an agreed remedy that is not an inspection. */
    INSPECTION_RESULT_UNEXPECTED,
    /** The passing of time, but no open offer has reached its expiry. */
    NOT_EXPIRED
}
