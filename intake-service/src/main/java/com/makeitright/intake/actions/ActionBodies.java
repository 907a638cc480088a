package com.makeitright.intake.actions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Bodies of the state-changing endpoints (docs/http-api.md); enums are text so a wrong value is a bad field. */
final class ActionBodies {

    private ActionBodies() {
    }

    record RemedyResponse(
            @NotBlank String decision,
            @Size(max = 100) String offerId,
            @Valid CounterOffer counterOffer,
            @Size(max = 2000) String note) {
    }

    record CounterOffer(
            @NotBlank String kind,
            BigDecimal amount,
            String currency,
            @Size(max = 500) String description) {
    }

    record Approval(
            @NotBlank String decision,
            @NotBlank @Size(max = 100) String approver,
            @Size(max = 100) String offerId,
            @Size(max = 2000) String note) {
    }

    record Fulfillment(
            @NotBlank @Size(max = 200) String reference,
            @NotBlank @Size(max = 100) String fulfilledBy,
            @Size(max = 100) String offerId,
            @Valid MoneyBody actualCost,
            String inspectionResult,
            String rootCause,
            @Size(max = 2000) String note) {
    }

    record MoneyBody(BigDecimal amount, String currency) {
    }

    record FollowUpOutcome(
            @NotNull Boolean satisfied,
            @NotNull @Min(1) @Max(5) Integer score,
            @Size(max = 2000) String comment) {
    }
}
