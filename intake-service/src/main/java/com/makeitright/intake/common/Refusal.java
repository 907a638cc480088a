package com.makeitright.intake.common;

/**
 * Why a state-changing request does not fit the complaint's current state (HTTP 409).
 *
 * @param reason the rule that refused it
 * @param detail what happened, in words for the agent
 */
public record Refusal(Reason reason, String detail) {

    public enum Reason {
        NO_OPEN_OFFER,
        OFFER_AWAITS_APPROVAL,
        OFFER_EXPIRED,
        NOT_THE_OPEN_OFFER,
        NO_OFFER_AWAITS_APPROVAL,
        NOTHING_AGREED,
        ALREADY_FULFILLED,
        NOT_THE_AGREED_OFFER,
        NO_SATISFACTION_CHECK_DUE,
        ALREADY_ANSWERED,
        CLOSED_WITHOUT_ANSWER,
        NOT_ACKNOWLEDGED,
        ALREADY_APPROVED,
        ALREADY_SENT
    }
}
