package com.makeitright.intake.actions;

import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.events.Money;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ReopenedFrom;
import com.makeitright.intake.common.ActionRefused;
import com.makeitright.intake.common.Actor;
import com.makeitright.intake.common.InvalidInput;
import com.makeitright.intake.common.Refusal.Reason;
import com.makeitright.intake.common.TransitionRefused;
import com.makeitright.intake.status.ComplaintState;
import com.makeitright.negotiation.NegotiationRules;
import com.makeitright.negotiation.Position;
import com.makeitright.negotiation.Refusal;
import com.makeitright.negotiation.Verdict;
import com.makeitright.platform.security.Role;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Which requests fit a complaint's current state, and the event each one becomes. Whether an answer, an
 * approval decision or a fulfillment fits is decided by {@link NegotiationRules}, the state machine remedy
 * negotiates with (docs/architecture.md, Negotiation); this class words the refusal for the customer from the
 * complaint's view. Only a due, unanswered satisfaction check can be completed (intake's own rule: no other
 * service takes that request), and only the current round's acknowledgement, once, can be approved (intake's own
 * rule too: the follow-up worker mails it). Anything refused is a {@link TransitionRefused} saying why. Every event
 * names the event it answers as its cause and carries the current round.
 */
final class Transitions {

    /** A completed follow-up, and the next round's complaint when the customer was not satisfied. */
    record FollowUpOutcome(FollowUpCompleted completed, Optional<ComplaintReceived> reopened) {
    }

    private final Clock clock;
    private final Supplier<String> ids;

    Transitions(Clock clock) {
        this(clock, () -> UUID.randomUUID().toString());
    }

    Transitions(Clock clock, Supplier<String> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    RemedyResponded respond(ComplaintState state, Commands.Respond command) {
        return respond(state, command, null);
    }

    /** {@code by}: who posts the answer (the authenticated caller, or the customer's own link); null to only check. */
    RemedyResponded respond(ComplaintState state, Commands.Respond command, Actor by) {
        Instant now = clock.instant();
        Verdict verdict = NegotiationRules.answer(position(state), command.offerId(), command.decision(), now);
        if (!verdict.allowed()) {
            throw switch (verdict.refusal()) {
                case NOT_THE_OPEN_OFFER -> new TransitionRefused(Reason.NOT_THE_OPEN_OFFER, "Offer " + command.offerId()
                        + " is not the open offer of complaint " + state.complaintId() + "; the open offer is "
                        + state.openOffer().orElseThrow().getOfferId());
                case OFFER_AWAITS_APPROVAL -> new TransitionRefused(Reason.OFFER_AWAITS_APPROVAL, "Offer "
                        + state.openOffer().orElseThrow().getOfferId()
                        + " waits for a supervisor's approval; the customer can answer once it is approved");
                case OFFER_EXPIRED -> new TransitionRefused(Reason.OFFER_EXPIRED, "Offer "
                        + state.openOffer().orElseThrow().getOfferId() + " expired at "
                        + state.openOffer().orElseThrow().getExpiresAt() + "; remedy renews it once or closes the round");
                default -> new TransitionRefused(Reason.NO_OPEN_OFFER, whyNoOpenOffer(state));
            };
        }
        RemedyOffered open = state.openOffer().orElseThrow();
        return RemedyResponded.newBuilder()
                .setEventId(ids.get()).setComplaintId(state.complaintId()).setOccurredAt(now)
                .setCausationId(open.getEventId()).setRound(state.round())
                .setOfferId(open.getOfferId()).setDecision(command.decision())
                .setCounterOffer(command.counterOffer()).setNote(command.note())
                .setRespondedBy(by == null ? null : by.name())
                .build();
    }

    /**
     * The decision on the offer that waits, by {@code approver} (the authenticated caller, whatever the body's
     * {@code approver} says). Approving needs the approver's authority to reach the offer's {@code authorityLevel},
     * and a counter may not be approved by whoever posted it; rejecting is open to any supervisor or owner.
     */
    RemedyApprovalDecided decideApproval(ComplaintState state, Commands.DecideApproval command, Actor approver) {
        Verdict verdict = NegotiationRules.decideApproval(position(state), command.offerId(), command.decision());
        if (!verdict.allowed()) {
            throw verdict.refusal() == Refusal.NOT_THE_OPEN_OFFER
                    ? new TransitionRefused(Reason.NOT_THE_OPEN_OFFER, "Offer " + command.offerId()
                    + " does not wait for approval; offer " + state.openOffer().orElseThrow().getOfferId() + " does")
                    : new TransitionRefused(Reason.NO_OFFER_AWAITS_APPROVAL,
                    "No offer of complaint " + state.complaintId() + " waits for approval"
                            + state.openOffer().map(o -> "; offer " + o.getOfferId() + " is "
                            + o.getStatus() + " and waits for the customer").orElse(""));
        }
        RemedyOffered pending = state.openOffer().orElseThrow();
        if (command.decision() == ApprovalDecision.APPROVED) {
            checkAuthority(state, pending, approver);
        }
        return RemedyApprovalDecided.newBuilder()
                .setEventId(ids.get()).setComplaintId(state.complaintId()).setOccurredAt(clock.instant())
                .setCausationId(pending.getEventId()).setRound(state.round())
                .setOfferId(pending.getOfferId()).setDecision(command.decision())
                .setApprover(approver.name()).setApproverAuthority(approver.authority()).setNote(command.note())
                .build();
    }

    private static void checkAuthority(ComplaintState state, RemedyOffered pending, Actor approver) {
        if (approver.authority().ordinal() < pending.getAuthorityLevel().ordinal()) {
            throw new ActionRefused(ActionRefused.Reason.BEYOND_AUTHORITY, "Offer " + pending.getOfferId() + " ("
                    + pending.getEstimatedCost().getAmount().toPlainString() + " " + pending.getEstimatedCost().getCurrency()
                    + ") needs " + pending.getAuthorityLevel() + " authority to approve; the caller has "
                    + approver.authority());
        }
        if (pending.getCounterOfEventId() != null && state.responseWithEventId(pending.getCounterOfEventId())
                .map(RemedyResponded::getRespondedBy).filter(approver.name()::equals).isPresent()) {
            throw new ActionRefused(ActionRefused.Reason.OWN_COUNTER, "Offer " + pending.getOfferId()
                    + " answers a counter the caller posted; another supervisor or owner must approve it");
        }
    }

    /**
     * The fulfillment of the agreed offer, reported by {@code fulfiller} (the authenticated caller, whatever the
     * body's {@code fulfilledBy} says). An actual cost must be in the agreed offer's currency and may exceed its
     * estimated cost by at most {@code tolerance} (a fraction, 0.10 for 10 %) unless a supervisor or owner reports it.
     */
    RemedyFulfilled fulfill(ComplaintState state, Commands.Fulfill command, Actor fulfiller, BigDecimal tolerance) {
        if (command.offerId() != null && state.fulfillmentOf(command.offerId()).isPresent()) {
            throw alreadyFulfilled(command.offerId(), state);
        }
        Verdict verdict = NegotiationRules.fulfill(position(state), command.offerId(), command.inspectionResult());
        if (!verdict.allowed()) {
            throw switch (verdict.refusal()) {
                case NOT_THE_AGREED_OFFER -> new TransitionRefused(Reason.NOT_THE_AGREED_OFFER, "Offer "
                        + command.offerId() + " is not the agreed offer of complaint " + state.complaintId()
                        + "; the agreed offer is " + state.agreedOffer().orElseThrow().getOfferId());
                case INSPECTION_RESULT_MISSING -> new InvalidInput("inspectionResult", "is required: the agreed offer "
                        + state.agreedOffer().orElseThrow().getOfferId() + " is an INSPECTION");
                case INSPECTION_RESULT_UNEXPECTED -> new InvalidInput("inspectionResult",
                        "is only for an INSPECTION; the agreed offer " + state.agreedOffer().orElseThrow().getOfferId()
                                + " is " + state.agreedOffer().orElseThrow().getKind());
                default -> nothingAgreed(state);
            };
        }
        RemedyOffered agreed = state.agreedOffer().orElseThrow();
        checkCost(agreed, command.actualCost(), fulfiller, tolerance);
        return RemedyFulfilled.newBuilder()
                .setEventId(ids.get()).setComplaintId(state.complaintId()).setOccurredAt(clock.instant())
                .setCausationId(agreed.getEventId()).setRound(state.round())
                .setOfferId(agreed.getOfferId()).setKind(agreed.getKind())
                .setReference(command.reference()).setFulfilledBy(fulfiller.name())
                .setActualCost(command.actualCost()).setInspectionResult(command.inspectionResult())
                .setRootCause(command.rootCause()).setNote(command.note())
                .build();
    }

    private static void checkCost(RemedyOffered agreed, Money actual, Actor fulfiller, BigDecimal tolerance) {
        if (actual == null) {
            return;
        }
        Money estimated = agreed.getEstimatedCost();
        if (!estimated.getCurrency().equals(actual.getCurrency())) {
            throw new ActionRefused(ActionRefused.Reason.COST_CURRENCY, "actualCost is in " + actual.getCurrency()
                    + "; the agreed offer " + agreed.getOfferId() + " is in " + estimated.getCurrency());
        }
        BigDecimal limit = estimated.getAmount().multiply(BigDecimal.ONE.add(tolerance)).setScale(2, RoundingMode.DOWN);
        if (actual.getAmount().compareTo(limit) > 0 && !fulfiller.has(Role.SUPERVISOR) && !fulfiller.has(Role.OWNER)) {
            throw new ActionRefused(ActionRefused.Reason.COST_ABOVE_TOLERANCE, "actualCost "
                    + actual.getAmount().toPlainString() + " " + actual.getCurrency() + " exceeds the agreed "
                    + estimated.getAmount().toPlainString() + " by more than "
                    + tolerance.movePointRight(2).stripTrailingZeros().toPlainString()
                    + " %; a supervisor must report this fulfillment");
        }
    }

    /** The round as the rules see it, from the folded view: resolved, the offer that waits, or the agreed one. */
    static Position position(ComplaintState state) {
        if (state.resolution().isPresent()) {
            return Position.resolved();
        }
        Optional<RemedyOffered> open = state.openOffer();
        if (open.isPresent()) {
            return Position.of(open.get().getStatus(), open.get().getOfferId(), open.get().getKind(),
                    open.get().getExpiresAt());
        }
        // An accepted offer keeps the status it was published with (OPEN); it is agreed all the same.
        return state.agreedOffer().map(agreed -> Position.agreed(agreed.getOfferId(), agreed.getKind()))
                .orElse(Position.noOffer());
    }

    /**
     * An agent's approval of the acknowledgement triage drafted for the current round, in the command's words or the
     * draft's; {@code agent} is the authenticated caller. Once per round: the customer gets one acknowledgement, and
     * a second approval (another agent, a retried request) would only be refused by the worker's sent-log anyway.
     * Refused too once the worker recorded the round's acknowledgement as sent (auto-sent by its rule): until that
     * record reaches the view, an approval is still published and the worker counts it as a duplicate.
     */
    AcknowledgementApproved approveAcknowledgement(ComplaintState state, Commands.ApproveAcknowledgement command,
                                                   Actor agent) {
        ComplaintAcknowledged acknowledged = state.triage().orElseThrow(() -> new TransitionRefused(
                Reason.NOT_ACKNOWLEDGED, "Triage has not acknowledged round " + state.round() + " of complaint "
                + state.complaintId() + " yet (stage " + state.stage() + "); there is no draft to approve"));
        state.acknowledgementApproval().ifPresent(approved -> {
            throw new TransitionRefused(Reason.ALREADY_APPROVED, "The acknowledgement of round " + state.round()
                    + " of complaint " + state.complaintId() + " was already approved by " + approved.getApprovedBy()
                    + " at " + approved.getOccurredAt());
        });
        // The worker mails one acknowledgement per round: an approval of one it already sent unreviewed would be
        // published and never read by the customer, so the agent hears it now (the record's causation is the draft).
        state.acknowledgementSent().ifPresent(sent -> {
            throw new TransitionRefused(Reason.ALREADY_SENT, "The acknowledgement of round " + state.round()
                    + " of complaint " + state.complaintId() + " was already sent to the customer "
                    + (sent.getCausationId().equals(acknowledged.getEventId()) ? "automatically, without review, "
                    : "") + "at " + sent.getOccurredAt() + "; an approval would not reach them. Write to the"
                    + " customer directly if the sent words need correcting");
        });
        String draft = acknowledged.getAcknowledgementText();
        String text = command.text() == null ? draft : command.text();
        return AcknowledgementApproved.newBuilder()
                .setEventId(ids.get()).setComplaintId(state.complaintId()).setOccurredAt(clock.instant())
                .setCausationId(acknowledged.getEventId()).setRound(state.round())
                .setApprovedBy(agent.name()).setText(text).setEdited(!text.equals(draft))
                .build();
    }

    FollowUpOutcome completeFollowUp(ComplaintState state, Commands.CompleteFollowUp command) {
        List<ComplaintState.FollowUp> checks = state.currentRoundFollowUps().stream()
                .filter(ComplaintState.FollowUp::isSatisfactionCheck).toList();
        if (checks.isEmpty()) {
            throw new TransitionRefused(Reason.NO_SATISFACTION_CHECK_DUE, "No satisfaction check is due for round "
                    + state.round() + " of complaint " + state.complaintId() + " (stage " + state.stage() + ")");
        }
        ComplaintState.FollowUp due = checks.stream().filter(ComplaintState.FollowUp::awaitsAnswer).reduce((a, b) -> b)
                .orElseThrow(() -> {
                    ComplaintState.FollowUp last = checks.get(checks.size() - 1);
                    if (last.completed() == null) {
                        return new TransitionRefused(Reason.CLOSED_WITHOUT_ANSWER, "The satisfaction check of round "
                                + state.round() + " was closed without an answer at "
                                + last.closedWithoutAnswer().getOccurredAt());
                    }
                    FollowUpCompleted answer = last.completed();
                    return new TransitionRefused(Reason.ALREADY_ANSWERED, "The satisfaction check of round "
                            + state.round() + " was already answered at " + answer.getOccurredAt() + " (satisfied: "
                            + answer.getSatisfied() + ", score " + answer.getScore() + ")");
                });
        Instant now = clock.instant();
        FollowUpCompleted completed = FollowUpCompleted.newBuilder()
                .setEventId(ids.get()).setComplaintId(state.complaintId()).setOccurredAt(now)
                .setCausationId(due.due().getEventId()).setRound(state.round())
                .setSatisfied(command.satisfied()).setScore(command.score()).setComment(command.comment())
                .setReopened(!command.satisfied())
                .build();
        if (command.satisfied()) {
            return new FollowUpOutcome(completed, Optional.empty());
        }
        ComplaintReceived reopened = ComplaintReceived.newBuilder(state.received())
                .setEventId(ids.get()).setOccurredAt(now)
                .setCausationId(completed.getEventId())
                .setRound(state.round() + 1)
                .setIdempotencyKey(null)
                .setReopenedFrom(ReopenedFrom.newBuilder()
                        .setPreviousRound(state.round())
                        .setFollowUpEventId(completed.getEventId())
                        .setScore(command.score())
                        .setComment(command.comment())
                        .build())
                .build();
        return new FollowUpOutcome(completed, Optional.of(reopened));
    }

    private static String whyNoOpenOffer(ComplaintState state) {
        String complaint = "complaint " + state.complaintId();
        if (state.resolution().isPresent()) {
            return "Round " + state.round() + " of " + complaint + " is resolved ("
                    + state.resolution().get().getOutcome() + "); there is no offer to answer";
        }
        if (state.agreedOffer().isPresent()) {
            return "Offer " + state.agreedOffer().get().getOfferId() + " of " + complaint
                    + " is already agreed and waits for fulfillment; there is no open offer";
        }
        return state.latestOffer().map(latest -> state.responseTo(latest.getOfferId())
                        .map(r -> "Offer " + latest.getOfferId() + " was already answered (" + r.getDecision()
                                + "); remedy has not made a new offer yet")
                        .or(() -> state.approvalOf(latest.getOfferId())
                                .map(a -> "Offer " + latest.getOfferId() + " was " + a.getDecision()
                                        + " by a supervisor; remedy has not published the result yet"))
                        .orElse("There is no open offer for " + complaint))
                .orElse("No offer has been made yet for " + complaint + " (stage " + state.stage() + ")");
    }

    private static TransitionRefused nothingAgreed(ComplaintState state) {
        Optional<RemedyOffered> fulfilled = state.latestOffer()
                .filter(latest -> state.fulfillmentOf(latest.getOfferId()).isPresent());
        if (fulfilled.isPresent()) {
            return alreadyFulfilled(fulfilled.get().getOfferId(), state);
        }
        String context = state.resolution().map(r -> "; round " + state.round() + " is resolved (" + r.getOutcome() + ")")
                .or(() -> state.openOffer().map(o -> "; offer " + o.getOfferId() + " is " + o.getStatus()))
                .orElse("");
        return new TransitionRefused(Reason.NOTHING_AGREED, "Nothing is agreed for complaint " + state.complaintId()
                + " that waits for fulfillment" + context);
    }

    private static TransitionRefused alreadyFulfilled(String offerId, ComplaintState state) {
        return new TransitionRefused(Reason.ALREADY_FULFILLED, "Offer " + offerId + " of complaint "
                + state.complaintId() + " was already fulfilled (reference "
                + state.fulfillmentOf(offerId).map(RemedyFulfilled::getReference).orElse("?") + ")");
    }
}
