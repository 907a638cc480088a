package com.makeitright.cli.simulate;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

import java.util.Collection;

/**
 * p50/p95/p99/max of durations in milliseconds, read from an HdrHistogram (3 significant digits: exact below
 * 2,048 ms, within 0.1% above). A percentile is the smallest recorded value such that at least that share of
 * the values are less than or equal to it.
 */
public record Percentiles(long count, long p50, long p95, long p99, long max) {

    /** One hour: a slower stage is recorded as one hour. */
    static final long HIGHEST_MILLIS = 3_600_000;

    public static Percentiles of(Collection<Long> millis) {
        Histogram histogram = histogram();
        millis.forEach(value -> histogram.recordValue(Math.max(0, Math.min(HIGHEST_MILLIS, value))));
        return fromHistogram(histogram);
    }

    public static Percentiles fromHistogram(AbstractHistogram millis) {
        if (millis.getTotalCount() == 0) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        return new Percentiles(millis.getTotalCount(), millis.getValueAtPercentile(50),
                millis.getValueAtPercentile(95), millis.getValueAtPercentile(99), millis.getMaxValue());
    }

    /** An empty histogram of milliseconds with the range and precision {@link #of(Collection)} uses. */
    public static Histogram histogram() {
        return new Histogram(HIGHEST_MILLIS, 3);
    }
}
