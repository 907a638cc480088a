package com.makeitright.intake.actions;

import com.makeitright.intake.common.VisibleText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * Bodies of the state-changing endpoints (docs/http-api.md); enums are text so a wrong value is a bad field. An
 * {@code offerId} is checked by {@link ActionRules} against the id rule of {@code Checks}.
 */
final class ActionBodies {

    private ActionBodies() {
    }

    record RemedyResponse(
            @NotBlank String decision,
            String offerId,
            @Valid CounterOffer counterOffer,
            @VisibleText @Size(max = 2000) String note) {
    }

    record CounterOffer(
            @NotBlank String kind,
            BigDecimal amount,
            String currency,
            @VisibleText @Size(max = 500) String description) {
    }

    /** {@code approver}: accepted for compatibility and ignored; the approver is the authenticated caller. */
    record Approval(
            @NotBlank String decision,
            @VisibleText @Size(max = 100) String approver,
            String offerId,
            @VisibleText @Size(max = 2000) String note) {
    }

    /** {@code fulfilledBy}: accepted for compatibility and ignored; the fulfiller is the authenticated caller. */
    record Fulfillment(
            @VisibleText(required = true) @Size(max = 200) String reference,
            @VisibleText @Size(max = 100) String fulfilledBy,
            String offerId,
            @Valid MoneyBody actualCost,
            String inspectionResult,
            String rootCause,
            @VisibleText @Size(max = 2000) String note) {
    }

    record MoneyBody(BigDecimal amount, String currency) {
    }

    /** {@code text}: the words the customer will read; absent (or no body at all) approves triage's draft as it is. */
    record AcknowledgementApproval(
            @VisibleText @Size(max = ActionRules.MAX_ACKNOWLEDGEMENT) String text) {
    }

    record FollowUpOutcome(
            @NotNull Boolean satisfied,
            @NotNull @Min(1) @Max(5) Integer score,
            @VisibleText @Size(max = 2000) String comment) {
    }
}
