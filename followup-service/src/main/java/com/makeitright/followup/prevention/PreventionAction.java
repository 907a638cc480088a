package com.makeitright.followup.prevention;

import com.makeitright.events.RootCause;

import java.time.Instant;
import java.util.List;

/**
 * A prevention action proposed for a recurring root cause.
 *
 * @param proposedAt   when the threshold was crossed: the resolution time of the complaint that crossed it;
 *                     its effect is measured before and since this instant
 * @param complaintId  the complaint that crossed the threshold
 * @param causationId  its {@code ComplaintResolved} event
 * @param occurrences  complaints with this root cause in the window, that one included
 */
public record PreventionAction(String actionId, RootCause rootCause, Instant proposedAt, String complaintId,
                               String causationId, int occurrences, int windowDays, List<String> exampleComplaintIds,
                               String proposal, String owner) {

    public PreventionAction {
        exampleComplaintIds = exampleComplaintIds == null ? List.of() : List.copyOf(exampleComplaintIds);
    }
}
