package com.makeitright.remedy.ledger;

import java.time.LocalDate;

/** What the ledger stream has booked, read back for a period; both bounds inclusive, either null for open. */
interface LedgerSource {

    /**
     * This instance's part of the period: the day totals dated within it (at most one per day × kind × cause ×
     * currency and partition) and the remembered recent entries (a bounded number per partition), with the
     * partitions they were read from.
     *
     * @throws com.makeitright.platform.instances.InstancesUnavailable while the stores are not ready (start-up,
     *                                                                 restoration, rebalance)
     */
    LedgerPart part(LocalDate from, LocalDate to);
}
