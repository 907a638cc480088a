package com.makeitright.remedy.ledger;

import com.makeitright.platform.instances.HeldPartitions;
import com.makeitright.contract.Monies;
import com.makeitright.events.AgreedRemedy;
import com.makeitright.events.Cause;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.CostCategory;
import com.makeitright.events.CostLine;
import com.makeitright.events.Money;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.testing.Events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Resolutions as remedy publishes them, for ledger tests: {@code Resolutions.of("c-1", REPLACEMENT, ...)}. */
final class Resolutions {

    private Resolutions() {
    }

    /** A delivered remedy resolved at {@code at}, with cost lines given as category/amount pairs. */
    static ComplaintResolved delivered(String complaintId, String at, RemedyKind kind, Cause cause, String currency,
                                       Object... categoryAndAmount) {
        return builder(complaintId, at, kind, cause, currency, categoryAndAmount).build();
    }

    static ComplaintResolved.Builder builder(String complaintId, String at, RemedyKind kind, Cause cause, String currency,
                                             Object... categoryAndAmount) {
        List<CostLine> lines = new ArrayList<>();
        Money total = Monies.zero(currency);
        for (int i = 0; i < categoryAndAmount.length; i += 2) {
            Money amount = Monies.of((String) categoryAndAmount[i + 1], currency);
            lines.add(CostLine.newBuilder().setCategory((CostCategory) categoryAndAmount[i]).setAmount(amount).build());
            total = Monies.add(total, amount);
        }
        return Events.resolved(complaintId).setOccurredAt(Instant.parse(at)).setCause(cause)
                .setOutcome(kind == RemedyKind.REFUND_AND_DISENGAGE ? ResolutionOutcome.REFUNDED_AND_DISENGAGED
                        : ResolutionOutcome.REMEDY_DELIVERED)
                .setRemedy(AgreedRemedy.newBuilder().setOfferId("o-" + complaintId).setKind(kind).setAmount(null)
                        .setGoodwill(null).setDescription(kind.name()).build())
                .setCost(total).setCostLines(lines);
    }

    /** A ledger source that booked these resolutions as the stream does (UTC), without the period filter. */
    static LedgerSource source(List<ComplaintResolved> resolutions) {
        java.util.Map<String, DayTotal> days = new java.util.TreeMap<>();
        List<Ledger.Entry> entries = new ArrayList<>();
        for (ComplaintResolved r : resolutions) {
            Ledger.Entry entry = Ledger.Entry.of(r, java.time.ZoneOffset.UTC);
            if (entry != null) {
                days.put(DayTotal.key(entry), DayTotal.book(days.get(DayTotal.key(entry)), entry));
                entries.add(entry);
            }
        }
        // as one instance holding the one partition of both stores
        HeldPartitions held = HeldPartitions.none().with(LedgerStores.DAYS, Set.of(0))
                .with(LedgerStores.RECENT, Set.of(0));
        return (from, to) -> new LedgerPart(held, List.copyOf(days.values()), List.copyOf(entries));
    }

    static ComplaintResolved noAgreement(String complaintId, String at) {
        return Events.resolved(complaintId).setOccurredAt(Instant.parse(at)).setOutcome(ResolutionOutcome.NO_AGREEMENT)
                .setRemedy(null).setCost(Monies.zero("USD")).setCostLines(List.of()).build();
    }
}
