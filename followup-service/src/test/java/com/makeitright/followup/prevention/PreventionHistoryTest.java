package com.makeitright.followup.prevention;

import com.makeitright.events.RootCause;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An action counts the later resolutions of its cause itself, and old actions are dropped with their counts. */
class PreventionHistoryTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static PreventionAction action(String id, Instant at) {
        return new PreventionAction(id, RootCause.PACKING_ERROR, at, "c-" + id, "e-" + id, 5, 30, List.of(),
                "fix it", "warehouse");
    }

    @Test
    void countsOnlyResolutionsAfterEachAction() {
        PreventionHistory history = PreventionHistory.empty().with(action("a", T0))
                .counting(T0) // the crossing resolution itself is not "since"
                .counting(T0.plusSeconds(1))
                .with(action("b", T0.plus(Duration.ofDays(40))))
                .counting(T0.plus(Duration.ofDays(41)));

        assertThat(history.since(history.actions().get(0))).isEqualTo(2);
        assertThat(history.since(history.actions().get(1))).isEqualTo(1);
    }

    @Test
    void actionsOlderThanTheHistoryAreDroppedWithTheirCounts() {
        PreventionHistory history = PreventionHistory.empty().with(action("a", T0)).counting(T0.plusSeconds(1))
                .with(action("b", T0.plus(Duration.ofDays(200))));

        PreventionHistory kept = history.within(Duration.ofDays(365), T0.plus(Duration.ofDays(400)));

        assertThat(kept.actions()).extracting(PreventionAction::actionId).containsExactly("b");
        assertThat(kept.since()).doesNotContainKey("a");
    }
}
