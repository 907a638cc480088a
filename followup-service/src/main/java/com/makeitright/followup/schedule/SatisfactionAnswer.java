package com.makeitright.followup.schedule;

import java.time.Instant;

/** What the customer said when the follow-up worker checked on them ({@code FollowUpCompleted}). */
public record SatisfactionAnswer(boolean satisfied, int score, String comment, boolean reopened, Instant answeredAt,
                                 String eventId) {
}
