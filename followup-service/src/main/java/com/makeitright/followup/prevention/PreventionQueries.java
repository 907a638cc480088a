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

/** Every proposed prevention action with its effect measured from the remembered resolutions, newest first. */
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
        ReadOnlyKeyValueStore<String, Occurrence> occurrences = stores.keyValueStore(PreventionStores.OCCURRENCES);
        List<MeasuredAction> measured = new ArrayList<>();
        try (KeyValueIterator<String, PreventionHistory> entries = histories.all()) {
            entries.forEachRemaining(entry -> {
                for (PreventionAction action : entry.value.actions()) {
                    int before = count(occurrences, action, measurement.beforeFrom(action), action.proposedAt());
                    int since = count(occurrences, action, action.proposedAt(), now);
                    measured.add(new MeasuredAction(action, measurement.measure(action, before, since, now)));
                }
            });
        }
        measured.sort(Comparator.comparing((MeasuredAction m) -> m.action().proposedAt()).reversed());
        return measured;
    }

    private static int count(ReadOnlyKeyValueStore<String, Occurrence> occurrences, PreventionAction action,
                             Instant fromExclusive, Instant toInclusive) {
        if (!toInclusive.isAfter(fromExclusive)) {
            return 0;
        }
        int count = 0;
        try (KeyValueIterator<String, Occurrence> entries = occurrences.range(
                PreventionStores.after(action.rootCause(), fromExclusive),
                PreventionStores.upTo(action.rootCause(), toInclusive))) {
            while (entries.hasNext()) {
                entries.next();
                count++;
            }
        }
        return count;
    }
}
