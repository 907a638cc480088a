package com.makeitright.followup.schedule;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.RootCause;

import java.time.Instant;

/** How the complaint's latest resolved round ended ({@code ComplaintResolved}). */
public record Resolution(int round, ResolutionOutcome outcome, Cause cause, Anger anger, RootCause rootCause,
                         Instant resolvedAt, boolean doNotServe) {
}
