package com.makeitright.bench.load;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** p50/p95/p99/max in milliseconds, read from an HdrHistogram recorded in microseconds. */
public record Latency(long count, double p50, double p95, double p99, double max) {

    /** Two minutes: anything slower is recorded as two minutes (and is a failure anyway). */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

    public static Latency of(AbstractHistogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Latency(0, 0, 0, 0, 0);
        }
        return new Latency(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(95)), millis(micros.getValueAtPercentile(99)),
                millis(micros.getMaxValue()));
    }

    /** A thread-safe histogram of microseconds, 3 significant digits. */
    public static ConcurrentHistogram concurrentMicros() {
        return new ConcurrentHistogram(HIGHEST_MICROS, 3);
    }

    public static Histogram micros() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /** Records a duration in nanoseconds, clamped to the histogram's range. */
    public static void recordNanos(AbstractHistogram micros, long nanos) {
        micros.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos))));
    }

    public static void recordMillis(AbstractHistogram micros, long millis) {
        recordNanos(micros, TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
