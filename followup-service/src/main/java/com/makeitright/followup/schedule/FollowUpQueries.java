package com.makeitright.followup.schedule;

import com.makeitright.platform.instances.StoreReads;
import org.springframework.stereotype.Component;

/**
 * Reads the schedule's stores for the insights: every check and every complaint file of the partitions this
 * instance holds (a full scan each).
 */
@Component
public class FollowUpQueries {

    private final StoreReads stores;

    FollowUpQueries(StoreReads stores) {
        this.stores = stores;
    }

    public StoreReads.Values<FollowUp> followUps() {
        return stores.values(ScheduleStores.FOLLOW_UPS, store -> store.all());
    }

    public StoreReads.Values<ComplaintFile> complaints() {
        return stores.values(ScheduleStores.COMPLAINTS, store -> store.all());
    }
}
