package com.makeitright.followup.schedule;

import com.makeitright.followup.LocalStores;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Reads the schedule's stores for the insights: every check and every complaint file (a full scan each). */
@Component
public class FollowUpQueries {

    private final LocalStores stores;

    FollowUpQueries(LocalStores stores) {
        this.stores = stores;
    }

    public List<FollowUp> followUps() {
        return all(ScheduleStores.FOLLOW_UPS);
    }

    public List<ComplaintFile> complaints() {
        return all(ScheduleStores.COMPLAINTS);
    }

    private <V> List<V> all(String store) {
        return stores.read(() -> {
            List<V> values = new ArrayList<>();
            try (KeyValueIterator<String, V> entries = stores.<V>keyValueStore(store).all()) {
                entries.forEachRemaining(entry -> values.add(entry.value));
            }
            return values;
        });
    }
}
