package com.makeitright.followup.prevention;

import java.util.ArrayList;
import java.util.List;

/** Every action proposed for one root cause, oldest first. */
record PreventionHistory(List<PreventionAction> actions) {

    PreventionHistory {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    static PreventionHistory empty() {
        return new PreventionHistory(List.of());
    }

    PreventionHistory with(PreventionAction action) {
        List<PreventionAction> next = new ArrayList<>(actions);
        next.add(action);
        return new PreventionHistory(next);
    }
}
