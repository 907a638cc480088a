package com.makeitright.followup.prevention;

/** A prevention action with its effect measured now. */
public record MeasuredAction(PreventionAction action, Effect effect) {
}
