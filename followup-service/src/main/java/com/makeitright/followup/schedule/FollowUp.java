package com.makeitright.followup.schedule;

import com.makeitright.events.FollowUpKind;

import java.time.Instant;
import java.util.Optional;

/**
 * One check of the durable schedule, kept after it fired or was cancelled so that a duplicate or late
 * scheduling event cannot bring it back, and so the dashboard can show open escalations and answers.
 *
 * @param offerId     the offer watched (promise and approval checks), else null (satisfaction, acknowledgement)
 * @param dueAt       when it fires; null for an entry that was closed before anything scheduled it
 * @param causationId the event that scheduled it
 * @param dueEventId  the {@code FollowUpDue} event id once fired
 * @param closedBy    the event id that cancelled, cleared or answered it
 */
public record FollowUp(String complaintId, FollowUpKind kind, int round, String offerId, Instant dueAt,
                       String causationId, String reason, FollowUpState state, Instant firedAt, String dueEventId,
                       Instant closedAt, String closedBy, String closedBecause, SatisfactionAnswer answer) {

    static FollowUp scheduled(FollowUpKey key, int round, String offerId, Instant dueAt, String causationId,
                              String reason) {
        return new FollowUp(key.complaintId(), key.kind(), round, offerId, dueAt, causationId, reason,
                FollowUpState.SCHEDULED, null, null, null, null, null, null);
    }

    FollowUpKey key() {
        return new FollowUpKey(complaintId, kind, FollowUpKey.perRound(kind) ? "round-" + round : offerId);
    }

    /** A missed deadline a person must act on; the customer's checks and reminders are not. */
    public boolean isEscalation() {
        return kind == FollowUpKind.PROMISE_BREACHED || kind == FollowUpKind.APPROVAL_OVERDUE
                || kind == FollowUpKind.ACKNOWLEDGEMENT_OVERDUE;
    }

    /**
     * Still waiting for someone: a scheduled check, or a fired one that a person (an escalation) or the customer (a
     * satisfaction check) has yet to act on. A fired reminder or no-answer check is done.
     */
    boolean isOpen() {
        return state == FollowUpState.SCHEDULED || (state == FollowUpState.FIRED
                && (isEscalation() || kind == FollowUpKind.SATISFACTION_CHECK));
    }

    /** Came due: published under {@code dueEventId}. */
    FollowUp fired(Instant at, String eventId) {
        if (state != FollowUpState.SCHEDULED) {
            throw new IllegalStateException("only a scheduled check can fire; " + key().asString() + " is " + state);
        }
        return new FollowUp(complaintId, kind, round, offerId, dueAt, causationId, reason, FollowUpState.FIRED,
                at, eventId, null, null, null, null);
    }

    /**
     * What becomes of this check when the thing it watches happened: a waiting check is cancelled, a fired
     * escalation is cleared. A satisfaction check that was asked stays open until answered; a closed entry
     * stays as it is.
     */
    Optional<FollowUp> closed(Closing closing) {
        FollowUpState next = switch (state) {
            case SCHEDULED -> FollowUpState.CANCELLED;
            case FIRED -> isEscalation() ? FollowUpState.CLEARED : null;
            case CANCELLED, CLEARED, ANSWERED, UNANSWERED -> null;
        };
        if (next == null) {
            return Optional.empty();
        }
        return Optional.of(new FollowUp(complaintId, kind, round, offerId, dueAt, causationId, reason, next,
                firedAt, dueEventId, closing.at(), closing.eventId(), closing.because(), answer));
    }

    /**
     * The customer answered: the check is done, fired or not (an early answer means there is nothing to ask). An answer
     * intake took before its view saw the check closed as no answer still counts: the customer's word wins over a timer.
     */
    Optional<FollowUp> answered(SatisfactionAnswer answer) {
        if (!state.isOpen() && state != FollowUpState.UNANSWERED) {
            return Optional.empty();
        }
        return Optional.of(new FollowUp(complaintId, kind, round, offerId, dueAt, causationId, reason,
                FollowUpState.ANSWERED, firedAt, dueEventId, answer.answeredAt(), answer.eventId(),
                "answered by the customer", answer));
    }

    /** Nobody answered this satisfaction check in time: it is closed as no answer (a waiting one too). */
    Optional<FollowUp> unanswered(Closing closing) {
        if (!state.isOpen()) {
            return Optional.empty();
        }
        return Optional.of(new FollowUp(complaintId, kind, round, offerId, dueAt, causationId, reason,
                FollowUpState.UNANSWERED, firedAt, dueEventId, closing.at(), closing.eventId(), closing.because(), null));
    }

    /** A check closed before anything scheduled it (events arrived out of order): a later schedule is ignored. */
    static FollowUp closedBeforeScheduled(FollowUpKey key, int round, Closing closing) {
        String offerId = FollowUpKey.perRound(key.kind()) ? null : key.subject();
        return new FollowUp(key.complaintId(), key.kind(), round, offerId, null, null, null,
                FollowUpState.CANCELLED, null, null, closing.at(), closing.eventId(), closing.because(), null);
    }

    static FollowUp answeredBeforeScheduled(FollowUpKey key, int round, SatisfactionAnswer answer) {
        return new FollowUp(key.complaintId(), key.kind(), round, null, null, null, null,
                FollowUpState.ANSWERED, null, null, answer.answeredAt(), answer.eventId(),
                "answered by the customer", answer);
    }

    /** Why and by which event a check was called off or cleared. */
    record Closing(String eventId, Instant at, String because) {
    }
}
