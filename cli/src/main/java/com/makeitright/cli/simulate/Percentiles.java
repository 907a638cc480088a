package com.makeitright.cli.simulate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** p50/p95/p99 of a set of durations in milliseconds, by the nearest-rank method (a value that was observed). */
public record Percentiles(int count, long p50, long p95, long p99, long max) {

    public static Percentiles of(Collection<Long> millis) {
        if (millis.isEmpty()) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    /** The smallest value such that at least {@code percent}% of the values are less than or equal to it. */
    static long rank(List<Long> sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
