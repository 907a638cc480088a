package com.makeitright.intake.actions;

import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.CounterOffer;
import com.makeitright.events.InspectionResult;
import com.makeitright.events.Money;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.ResponseDecision;
import com.makeitright.events.RootCause;
import com.makeitright.intake.common.Checks;
import jakarta.validation.Validator;

import java.util.EnumSet;

/**
 * Input rules of the state-changing endpoints, independent of the complaint's state: turns a body into a
 * command or throws {@code InvalidInput} naming every bad field.
 */
final class ActionRules {

    /** Counter-proposals of these kinds ask for money, so they must say how much. */
    static final EnumSet<RemedyKind> MONEY_KINDS = EnumSet.of(RemedyKind.REFUND_PARTIAL, RemedyKind.DISCOUNT,
            RemedyKind.STORE_CREDIT);

    /** Longest acknowledgement an agent may approve: a few paragraphs; triage's drafts are far shorter. */
    static final int MAX_ACKNOWLEDGEMENT = 5_000;

    private final Validator validator;

    ActionRules(Validator validator) {
        this.validator = validator;
    }

    Commands.Respond respond(ActionBodies.RemedyResponse body) {
        Checks checks = Checks.of(validator, body).optionalId("offerId", body.offerId());
        ResponseDecision decision = checks.symbol("decision", body.decision(), ResponseDecision.class);
        CounterOffer counter = null;
        if (decision == ResponseDecision.COUNTER && body.counterOffer() == null) {
            checks.add("counterOffer", "is required for a COUNTER");
        } else if (decision != null && decision != ResponseDecision.COUNTER && body.counterOffer() != null) {
            checks.add("counterOffer", "is only for a COUNTER, not for " + decision);
        } else if (body.counterOffer() != null) {
            counter = counterOffer(body.counterOffer(), checks);
        }
        checks.throwIfAny();
        return new Commands.Respond(decision, blankToNull(body.offerId()), counter, blankToNull(body.note()));
    }

    private static CounterOffer counterOffer(ActionBodies.CounterOffer body, Checks checks) {
        RemedyKind kind = checks.symbol("counterOffer.kind", body.kind(), RemedyKind.class);
        Money amount = null;
        boolean moneyGiven = body.amount() != null || body.currency() != null;
        if (moneyGiven || MONEY_KINDS.contains(kind)) {
            amount = checks.money("counterOffer", body.amount(), body.currency(), false);
        }
        return kind == null ? null : CounterOffer.newBuilder().setKind(kind).setAmount(amount)
                .setDescription(blankToNull(body.description())).build();
    }

    Commands.DecideApproval decideApproval(ActionBodies.Approval body) {
        Checks checks = Checks.of(validator, body).optionalId("offerId", body.offerId());
        ApprovalDecision decision = checks.symbol("decision", body.decision(), ApprovalDecision.class);
        checks.throwIfAny();
        return new Commands.DecideApproval(decision, blankToNull(body.offerId()),
                blankToNull(body.note()));
    }

    Commands.Fulfill fulfill(ActionBodies.Fulfillment body) {
        Checks checks = Checks.of(validator, body).optionalId("offerId", body.offerId());
        Money actualCost = body.actualCost() == null ? null
                : checks.money("actualCost", body.actualCost().amount(), body.actualCost().currency(), true);
        InspectionResult inspection = checks.symbol("inspectionResult", body.inspectionResult(), InspectionResult.class);
        RootCause rootCause = checks.symbol("rootCause", body.rootCause(), RootCause.class);
        checks.throwIfAny();
        return new Commands.Fulfill(body.reference(), blankToNull(body.offerId()), actualCost,
                inspection, rootCause, blankToNull(body.note()));
    }

    /** A missing body approves the draft; an empty text is refused rather than read as "the draft". */
    Commands.ApproveAcknowledgement approveAcknowledgement(ActionBodies.AcknowledgementApproval body) {
        if (body == null) {
            return new Commands.ApproveAcknowledgement(null);
        }
        Checks checks = Checks.of(validator, body);
        if (body.text() != null && body.text().isEmpty()) {
            checks.add("text", "must not be blank; leave it out to approve triage's draft as it is");
        }
        checks.throwIfAny();
        return new Commands.ApproveAcknowledgement(body.text());
    }

    Commands.CompleteFollowUp completeFollowUp(ActionBodies.FollowUpOutcome body) {
        Checks checks = Checks.of(validator, body);
        checks.throwIfAny();
        return new Commands.CompleteFollowUp(body.satisfied(), body.score(), blankToNull(body.comment()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
