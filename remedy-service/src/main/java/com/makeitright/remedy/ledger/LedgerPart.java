package com.makeitright.remedy.ledger;

import com.makeitright.platform.instances.HeldPartitions;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * One remedy instance's part of the ledger: what the partitions it holds ({@code held}) booked of a period. Day
 * totals add up and entries merge, so the ledger of every instance's parts is {@link Ledger#of} of them all.
 */
record LedgerPart(HeldPartitions held, List<DayTotal> days, List<Ledger.Entry> entries) {

    static Ledger merge(Collection<LedgerPart> parts, LocalDate from, LocalDate to) {
        return Ledger.of(parts.stream().flatMap(p -> p.days().stream()).toList(),
                parts.stream().flatMap(p -> p.entries().stream()).toList(), from, to);
    }
}
