package com.makeitright.followup.prevention;

import com.makeitright.events.RootCause;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides when a root cause recurred often enough to act on: at least {@code threshold} resolved complaints
 * with that cause within the sliding {@code window} ending at the newest one, and no action for the cause
 * still active (an action stays active for {@code cooldown} after it was proposed, the time it needs to work).
 */
final class PreventionDetector {

    static final int MAX_EXAMPLES = 5;

    private final Duration window;
    private final int threshold;
    private final Duration cooldown;
    private final Set<RootCause> actionable;

    PreventionDetector(Duration window, int threshold, Duration cooldown, Set<RootCause> actionable) {
        this.window = window;
        this.threshold = threshold;
        this.cooldown = cooldown;
        this.actionable = Set.copyOf(actionable);
    }

    /** Whether complaints with this root cause are counted at all (EXTERNAL and OTHER are not ours to fix). */
    boolean counts(RootCause cause) {
        return actionable.contains(cause);
    }

    Duration window() {
        return window;
    }

    /**
     * @param latest   the resolution just seen
     * @param inWindow every resolution with this root cause in the window ending at {@code latest}, it included
     * @param earlier  actions proposed for this root cause before
     */
    Optional<PreventionAction> consider(RootCause cause, Occurrence latest, List<Occurrence> inWindow,
                                        List<PreventionAction> earlier) {
        if (!counts(cause) || inWindow.size() < threshold) {
            return Optional.empty();
        }
        if (coolingDown(latest, earlier)) {
            return Optional.empty();
        }
        List<String> examples = inWindow.stream()
                .sorted(Comparator.comparing(Occurrence::resolvedAt).reversed())
                .map(Occurrence::complaintId)
                .distinct()
                .limit(MAX_EXAMPLES)
                .toList();
        PreventionPlaybook.Play play = PreventionPlaybook.forCause(cause);
        int windowDays = (int) window.toDays();
        String proposal = inWindow.size() + " complaints in " + windowDays + " days were traced to "
                + play.label() + ": " + play.action() + ".";
        return Optional.of(new PreventionAction(actionId(cause, latest), cause, latest.resolvedAt(),
                latest.complaintId(), latest.eventId(), inWindow.size(), windowDays, examples, proposal, play.owner()));
    }

    /** When the last cool-down of these actions ends: nothing resolved before it proposes. */
    Instant coolingEnds(List<PreventionAction> earlier) {
        return earlier.stream().map(action -> action.proposedAt().plus(cooldown))
                .max(Comparator.naturalOrder()).orElse(Instant.MIN);
    }

    /** Whether an earlier action is still active at {@code latest}: nothing is proposed, whatever the window holds. */
    boolean coolingDown(Occurrence latest, List<PreventionAction> earlier) {
        return latest.resolvedAt().isBefore(coolingEnds(earlier));
    }

    /** Stable for the event that crossed the threshold, so a reprocessed event proposes the same action. */
    private static String actionId(RootCause cause, Occurrence latest) {
        return UUID.nameUUIDFromBytes(("prevention|" + cause.name() + "|" + latest.eventId())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
