package com.makeitright.followup.prevention;

import com.makeitright.events.PreventionActionProposed;

import java.time.Instant;

/** A proposed action as its contract event. */
final class PreventionMessages {

    private PreventionMessages() {
    }

    static PreventionActionProposed proposed(PreventionAction action, Instant now) {
        return PreventionActionProposed.newBuilder()
                .setEventId(action.actionId()) // one event per action; the action id is stable, so is this
                .setComplaintId(action.complaintId())
                .setOccurredAt(now)
                .setCausationId(action.causationId())
                .setActionId(action.actionId())
                .setRootCause(action.rootCause())
                .setOccurrences(action.occurrences())
                .setWindowDays(action.windowDays())
                .setExampleComplaintIds(action.exampleComplaintIds())
                .setProposal(action.proposal())
                .setOwner(action.owner())
                .build();
    }
}
