package com.makeitright.intake.testing;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/** Typed bodies of intake's state-changing endpoints, for tests (docs/http-api.md). */
public final class ActionRequests {

    private ActionRequests() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RemedyResponse(String decision, String offerId, CounterOffer counterOffer, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CounterOffer(String kind, BigDecimal amount, String currency, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Approval(String decision, String approver, String offerId, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fulfillment(String reference, String fulfilledBy, String offerId, Money actualCost,
                              String inspectionResult, String rootCause, String note) {
        public Fulfillment withInspectionResult(String value) {
            return new Fulfillment(reference, fulfilledBy, offerId, actualCost, value, rootCause, note);
        }

        public Fulfillment withActualCost(String amount, String currency) {
            return new Fulfillment(reference, fulfilledBy, offerId, new Money(new BigDecimal(amount), currency),
                    inspectionResult, rootCause, note);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Money(BigDecimal amount, String currency) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FollowUpOutcome(Boolean satisfied, Integer score, String comment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AcknowledgementApproval(String text) {
    }

    public static RemedyResponse accept() {
        return new RemedyResponse("ACCEPT", null, null, null);
    }

    public static RemedyResponse accept(String offerId) {
        return new RemedyResponse("ACCEPT", offerId, null, "Thank you");
    }

    public static RemedyResponse decline() {
        return new RemedyResponse("DECLINE", null, null, "Not enough");
    }

    public static RemedyResponse counter(String kind, String amount, String currency) {
        return new RemedyResponse("COUNTER", null, new CounterOffer(kind,
                amount == null ? null : new BigDecimal(amount), currency, "Half back would be fair"), null);
    }

    public static Approval approve() {
        return new Approval("APPROVED", "sam.supervisor", null, "Fair");
    }

    public static Fulfillment fulfillment() {
        return new Fulfillment("SHIP-123", "agent.ann", null, null, null, null, null);
    }

    public static AcknowledgementApproval approveAcknowledgement(String text) {
        return new AcknowledgementApproval(text);
    }

    public static FollowUpOutcome satisfied() {
        return new FollowUpOutcome(true, 5, "All good now");
    }

    public static FollowUpOutcome unsatisfied() {
        return new FollowUpOutcome(false, 2, "The replacement broke again");
    }
}
