package com.makeitright.remedy.ledger;

import com.makeitright.events.Cause;
import com.makeitright.events.CostCategory;
import com.makeitright.events.RemedyKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one day's fulfilled remedies of one kind and cause cost, in one currency: the ledger's unit of storage.
 * Its size is fixed (one amount per cost category), and there is one per day × kind × cause × currency that
 * saw a resolution, whatever the number of complaints.
 */
record DayTotal(LocalDate date, RemedyKind kind, Cause cause, String currency, int entries, BigDecimal total,
                Map<CostCategory, BigDecimal> categories) {

    DayTotal {
        EnumMap<CostCategory, BigDecimal> copy = new EnumMap<>(CostCategory.class);
        copy.putAll(categories);
        categories = copy;
    }

    /**
     * The store key: the ISO date first, so the store's byte order is date order (a period is a range, the
     * retention purge a prefix of the store).
     */
    static String key(LocalDate date, RemedyKind kind, Cause cause, String currency) {
        return date + "|" + kind + "|" + cause + "|" + currency;
    }

    static String key(Ledger.Entry entry) {
        return key(entry.date(), entry.kind(), entry.cause(), entry.currency());
    }

    String key() {
        return key(date, kind, cause, currency);
    }

    static DayTotal of(Ledger.Entry entry) {
        Map<CostCategory, BigDecimal> categories = new EnumMap<>(CostCategory.class);
        entry.costLines().forEach(line -> categories.merge(line.category(), line.amount(), BigDecimal::add));
        return new DayTotal(entry.date(), entry.kind(), entry.cause(), entry.currency(), 1, entry.total(), categories);
    }

    /** This total with one more entry booked; null stands for a bucket nothing was booked in yet. */
    static DayTotal book(DayTotal current, Ledger.Entry entry) {
        return current == null ? of(entry) : current.plus(of(entry));
    }

    DayTotal plus(DayTotal other) {
        if (!key().equals(other.key())) {
            throw new IllegalArgumentException("cannot add " + other.key() + " to " + key());
        }
        Map<CostCategory, BigDecimal> sums = new EnumMap<>(categories);
        other.categories.forEach((category, amount) -> sums.merge(category, amount, BigDecimal::add));
        return new DayTotal(date, kind, cause, currency, entries + other.entries, total.add(other.total), sums);
    }
}
