package com.makeitright.followup.prevention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The actions proposed for one root cause within the history, oldest first, each with the resolutions of that
 * cause counted since it was proposed. Bounded: at most one action per cool-down within the history
 * (P365D / P30D by default: 13), so its effect can be measured without remembering single resolutions for a year.
 *
 * @param since resolutions counted after each action's proposal, by action id (absent: none yet)
 */
record PreventionHistory(List<PreventionAction> actions, Map<String, Integer> since) {

    PreventionHistory {
        actions = actions == null ? List.of() : List.copyOf(actions);
        since = since == null ? Map.of() : Map.copyOf(since);
    }

    static PreventionHistory empty() {
        return new PreventionHistory(List.of(), Map.of());
    }

    PreventionHistory with(PreventionAction action) {
        List<PreventionAction> next = new ArrayList<>(actions);
        next.add(action);
        return new PreventionHistory(next, since);
    }

    int since(PreventionAction action) {
        return since.getOrDefault(action.actionId(), 0);
    }

    /** One more resolution of the cause, resolved at {@code at}: counted for every action proposed before it. */
    PreventionHistory counting(Instant at) {
        Map<String, Integer> next = new HashMap<>(since);
        for (PreventionAction action : actions) {
            if (at.isAfter(action.proposedAt())) {
                next.merge(action.actionId(), 1, Integer::sum);
            }
        }
        return new PreventionHistory(actions, next);
    }

    /** Without the actions proposed more than {@code history} before {@code now}. */
    PreventionHistory within(Duration history, Instant now) {
        Instant cutoff = now.minus(history);
        List<PreventionAction> kept = actions.stream().filter(a -> !a.proposedAt().isBefore(cutoff)).toList();
        if (kept.size() == actions.size()) {
            return this;
        }
        Map<String, Integer> counts = new HashMap<>();
        kept.forEach(a -> counts.put(a.actionId(), since(a)));
        return new PreventionHistory(kept, counts);
    }
}
