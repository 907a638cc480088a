package com.makeitright.negotiation;

import java.util.EnumSet;
import java.util.Set;

import static com.makeitright.negotiation.Stage.AWAITING_ANSWER;
import static com.makeitright.negotiation.Stage.AWAITING_APPROVAL;
import static com.makeitright.negotiation.Stage.AWAITING_FULFILLMENT;
import static com.makeitright.negotiation.Stage.RESOLVED;

/**
 * What an allowed input leads to, and the stages the round can be in afterwards. Which offer remedy makes
 * (its kind, its amount, whether it needs approval) is remedy's policy, so some effects allow several stages.
 */
public enum Effect {
    /** ACCEPT of the open offer: it is agreed; no new offer. */
    AGREE(AWAITING_FULFILLMENT),
    /** DECLINE of a negotiable offer: a new offer (a better one, or mediation after the last round). */
    NEXT_OFFER(AWAITING_ANSWER, AWAITING_APPROVAL),
    /** COUNTER: remedy weighs the customer's terms; granted, they are offered (agreed, or for approval); refused, it is answered like a decline. */
    WEIGH_COUNTER(AWAITING_ANSWER, AWAITING_APPROVAL, AWAITING_FULFILLMENT, RESOLVED),
    /** DECLINE of mediation: the round ends with {@code NO_AGREEMENT}. */
    NO_AGREEMENT(RESOLVED),
    /** APPROVED: the same terms offered anew, open (agreed when they were the customer's own counter). */
    REOFFER_APPROVED(AWAITING_ANSWER, AWAITING_FULFILLMENT),
    /** REJECTED: a new open offer within an agent's authority. */
    REOFFER_WITHIN_AGENT(AWAITING_ANSWER),
    /** Fulfillment of the agreed remedy: the round is resolved with its cost. */
    DELIVERED(RESOLVED),
    /** An inspection that confirmed the fault: the withheld refund, agreed by policy, to be fulfilled in turn. */
    REFUND_AFTER_INSPECTION(AWAITING_FULFILLMENT),
    /** An inspection that found no fault: the round is resolved with {@code CLAIM_NOT_UPHELD}. */
    CLAIM_NOT_UPHELD(RESOLVED),
    /** An open offer expired for the first time: the same terms with a new expiry. */
    RENEW(AWAITING_ANSWER),
    /** An open offer expired again: the round is resolved with {@code NO_RESPONSE}. */
    NO_RESPONSE(RESOLVED);

    private final Set<Stage> leadsTo;

    Effect(Stage first, Stage... more) {
        this.leadsTo = EnumSet.of(first, more);
    }

    /** The stages the round can be in once the effect is applied. */
    public Set<Stage> leadsTo() {
        return leadsTo;
    }
}
