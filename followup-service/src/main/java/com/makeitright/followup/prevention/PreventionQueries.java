package com.makeitright.followup.prevention;

import com.makeitright.followup.FollowupProperties;
import com.makeitright.platform.instances.StoreReads;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every proposed prevention action with its effect measured from the counts kept with it. */
@Component
public class PreventionQueries {

    private final StoreReads stores;
    private final EffectMeasurement measurement;
    private final Clock clock;

    PreventionQueries(StoreReads stores, FollowupProperties properties, Clock clock) {
        this.stores = stores;
        this.measurement = new EffectMeasurement(properties.prevention().window(),
                properties.prevention().minMeasurement());
        this.clock = clock;
    }

    /** The actions of the root causes whose partitions this instance holds (the insights sort them). */
    public StoreReads.Values<MeasuredAction> actions() {
        Instant now = clock.instant();
        return stores.<PreventionHistory>values(PreventionStores.ACTIONS, store -> store.all())
                .flatMap(history -> measure(history, now));
    }

    private List<MeasuredAction> measure(PreventionHistory history, Instant now) {
        List<MeasuredAction> measured = new ArrayList<>();
        for (PreventionAction action : history.actions()) {
            // before: the occurrences that crossed the threshold; since: counted as they arrived
            int since = history.since(action);
            measured.add(new MeasuredAction(action, measurement.measure(action, action.occurrences(), since, now)));
        }
        return measured;
    }
}
