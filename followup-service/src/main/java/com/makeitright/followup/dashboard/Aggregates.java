package com.makeitright.followup.dashboard;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.RootCause;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The dashboard's counts over time, each in a fixed number of slots (ring buffers indexed by minute or day), so they
 * stay the same size whatever the traffic: an event older than a ring's horizon is not counted.
 */
final class Aggregates {

    static final int MINUTES = 24 * 60;       // per-minute flow and mix: one day
    static final int DAYS = 32;               // per-day money and root causes: a calendar month and a day
    static final int MAX_SAMPLES = 10_000;    // latency samples per stage, newest first, over at most a day
    static final long MINUTE = 60_000L;
    static final long DAY = 86_400_000L;

    /** Per minute: complaints received, and the acknowledged ones by cause and anger. */
    static final class Minutes {
        final long[] minute = new long[MINUTES];
        final int[] received = new int[MINUTES];
        final int[][] causes = new int[MINUTES][Cause.values().length];
        final int[][] angers = new int[MINUTES][Anger.values().length];

        private int slot(long at, long now) {
            long m = Math.floorDiv(at, MINUTE);
            if (m <= Math.floorDiv(now, MINUTE) - MINUTES) {
                return -1;
            }
            int i = (int) Math.floorMod(m, MINUTES);
            if (minute[i] != m) {
                minute[i] = m;
                received[i] = 0;
                Arrays.fill(causes[i], 0);
                Arrays.fill(angers[i], 0);
            }
            return i;
        }

        void received(long at, long now) {
            int i = slot(at, now);
            if (i >= 0) {
                received[i]++;
            }
        }

        void acknowledged(long at, long now, Cause cause, Anger anger) {
            int i = slot(at, now);
            if (i >= 0) {
                causes[i][cause.ordinal()]++;
                angers[i][anger.ordinal()]++;
            }
        }

        int receivedIn(long minuteIndex) {
            int i = (int) Math.floorMod(minuteIndex, MINUTES);
            return minute[i] == minuteIndex ? received[i] : 0;
        }
    }

    /** One cell of money: remedies of one kind for one cause in one currency on one day. */
    static final class MoneyCell {
        int count;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal inaction = BigDecimal.ZERO;
        int inactionKnown;
    }

    /**
     * Per day: money by kind × cause × currency (from complaints.resolved), received and resolved counts, root causes,
     * and messages to customers refused for good (from complaints.customer-notified).
     */
    static final class Days {
        final long[] day = new long[DAYS];
        final int[] received = new int[DAYS];
        final int[] resolved = new int[DAYS];
        final int[] mailsRefused = new int[DAYS];
        final int[][] rootCauses = new int[DAYS][RootCause.values().length];
        @SuppressWarnings("unchecked")
        final Map<String, MoneyCell>[] money = new Map[DAYS];

        Days() {
            for (int i = 0; i < DAYS; i++) {
                money[i] = new HashMap<>();
            }
        }

        int slot(long at, long now) {
            long d = Math.floorDiv(at, DAY);
            if (d <= Math.floorDiv(now, DAY) - DAYS) {
                return -1;
            }
            int i = (int) Math.floorMod(d, DAYS);
            if (day[i] != d) {
                day[i] = d;
                received[i] = 0;
                resolved[i] = 0;
                mailsRefused[i] = 0;
                Arrays.fill(rootCauses[i], 0);
                money[i].clear();
            }
            return i;
        }

        /** The slot of day number {@code d} if it holds that day, else -1. */
        int held(long d) {
            int i = (int) Math.floorMod(d, DAYS);
            return day[i] == d ? i : -1;
        }
    }

    /** Durations of one stage, the newest {@link #MAX_SAMPLES} of the last day. */
    static final class Samples {
        private final Deque<long[]> samples = new ArrayDeque<>();

        void add(long at, long millis, long now) {
            if (millis < 0 || at < now - DAY) {
                return;
            }
            samples.addLast(new long[]{at, millis});
            while (samples.size() > MAX_SAMPLES) {
                samples.removeFirst();
            }
        }

        /** p50, p95 and the count of the samples taken since {@code since}. */
        long[] percentiles(long since) {
            long[] values = samples.stream().filter(s -> s[0] >= since).mapToLong(s -> s[1]).sorted().toArray();
            if (values.length == 0) {
                return new long[]{-1, -1, 0};
            }
            return new long[]{rank(values, 0.50), rank(values, 0.95), values.length};
        }

        private static long rank(long[] sorted, double p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }

        void dropBefore(long since) {
            while (!samples.isEmpty() && samples.peekFirst()[0] < since) {
                samples.removeFirst();
            }
        }
    }

    final Minutes minutes = new Minutes();
    final Days days = new Days();
    final Samples toAcknowledged = new Samples();
    final Samples toOffered = new Samples();
    final Samples toResolved = new Samples();
}
