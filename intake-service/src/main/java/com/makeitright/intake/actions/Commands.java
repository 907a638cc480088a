package com.makeitright.intake.actions;

import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.CounterOffer;
import com.makeitright.events.InspectionResult;
import com.makeitright.events.Money;
import com.makeitright.events.ResponseDecision;
import com.makeitright.events.RootCause;

/**
 * Validated, typed requests, as {@link Transitions} takes them. A null {@code offerId} means "the current one". Who
 * makes a request is not here: it is the authenticated caller ({@code Actor}), never a body field.
 */
final class Commands {

    private Commands() {
    }

    record Respond(ResponseDecision decision, String offerId, CounterOffer counterOffer, String note) {
    }

    record DecideApproval(ApprovalDecision decision, String offerId, String note) {
    }

    record Fulfill(String reference, String offerId, Money actualCost,
                   InspectionResult inspectionResult, RootCause rootCause, String note) {
    }

    /** {@code text}: the agent's words, or null for triage's draft as it is. */
    record ApproveAcknowledgement(String text) {
    }

    record CompleteFollowUp(boolean satisfied, int score, String comment) {
    }
}
