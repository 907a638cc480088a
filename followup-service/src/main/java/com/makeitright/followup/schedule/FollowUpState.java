package com.makeitright.followup.schedule;

/** Where a scheduled check stands. Only SCHEDULED entries are in the due-time index. */
public enum FollowUpState {
    /** Waiting for its due time. */
    SCHEDULED,
    /** Called off before it came due (delivered, decided, superseded or resolved in time). */
    CANCELLED,
    /** Came due and was published as {@code FollowUpDue}: an open escalation or a satisfaction check to ask. */
    FIRED,
    /** An escalation that was put right after it fired. */
    CLEARED,
    /** A satisfaction check the follow-up worker answered. */
    ANSWERED,
    /** A satisfaction check nobody answered within the window: closed as no answer ({@code SATISFACTION_NO_ANSWER}). */
    UNANSWERED;

    public boolean isOpen() {
        return this == SCHEDULED || this == FIRED;
    }
}
