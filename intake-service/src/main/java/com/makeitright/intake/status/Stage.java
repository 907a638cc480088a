package com.makeitright.intake.status;

/** Where a complaint stands, as {@code GET /api/complaints/{id}} shows it (see docs/architecture.md). */
public enum Stage {
    RECEIVED,
    ACKNOWLEDGED,
    OFFERED,
    AWAITING_APPROVAL,
    AGREED,
    RESOLVED,
    FOLLOW_UP_DUE,
    CLOSED,
    REOPENED
}
