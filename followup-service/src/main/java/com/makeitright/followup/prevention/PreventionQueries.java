package com.makeitright.followup.prevention;

import com.makeitright.followup.FollowupProperties;
import com.makeitright.followup.LocalStores;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every proposed prevention action with its effect measured from the counts kept with it, newest first. */
@Component
public class PreventionQueries {

    private final LocalStores stores;
    private final EffectMeasurement measurement;
    private final Clock clock;

    PreventionQueries(LocalStores stores, FollowupProperties properties, Clock clock) {
        this.stores = stores;
        this.measurement = new EffectMeasurement(properties.prevention().window(),
                properties.prevention().minMeasurement());
        this.clock = clock;
    }

    public List<MeasuredAction> actions() {
        return stores.read(this::measureAll);
    }

    private List<MeasuredAction> measureAll() {
        Instant now = clock.instant();
        ReadOnlyKeyValueStore<String, PreventionHistory> histories = stores.keyValueStore(PreventionStores.ACTIONS);
        List<MeasuredAction> measured = new ArrayList<>();
        try (KeyValueIterator<String, PreventionHistory> entries = histories.all()) {
            entries.forEachRemaining(entry -> {
                for (PreventionAction action : entry.value.actions()) {
                    // before: the occurrences that crossed the threshold; since: counted as they arrived
                    int since = entry.value.since(action);
                    measured.add(new MeasuredAction(action, measurement.measure(action, action.occurrences(), since, now)));
                }
            });
        }
        measured.sort(Comparator.comparing((MeasuredAction m) -> m.action().proposedAt()).reversed());
        return measured;
    }
}
