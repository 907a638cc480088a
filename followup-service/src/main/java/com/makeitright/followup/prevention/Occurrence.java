package com.makeitright.followup.prevention;

import java.time.Instant;

/** A resolved complaint round with a given root cause ({@code ComplaintResolved}). */
record Occurrence(String complaintId, int round, Instant resolvedAt, String eventId) {
}
