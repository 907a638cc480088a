package com.makeitright.bench.load;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One load run: how many requests were sent, how many were accepted ({@code 200/201/202}), how many failed (another
 * status, or no answer), over how long, with the latency of every answer. {@code failedByStatus} splits the failures
 * by HTTP status ({@link #NO_ANSWER} for a request without an answer), so a report says what the refusals were
 * (e.g. {@code 503} from a full overlay) instead of leaving it to inference.
 */
public record LoadResult(String shape, long sent, long accepted, long failed, double seconds, Latency latency,
                         Map<Integer, Long> failedByStatus) {

    /** The status recorded for a request that got no answer (connection refused or reset, timeout). */
    public static final int NO_ANSWER = -1;

    public LoadResult {
        failedByStatus = Map.copyOf(failedByStatus);
    }

    public double acceptedPerSecond() {
        return seconds <= 0 ? 0 : accepted / seconds;
    }

    /** E.g. {@code "503: 2,990, no answer: 2"}, statuses in ascending order; empty when nothing failed. */
    public String failuresByStatus() {
        return failedByStatus.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> (e.getKey() == NO_ANSWER ? "no answer" : String.valueOf(e.getKey()))
                        + String.format(java.util.Locale.ROOT, ": %,d", e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** E.g. {@code "2,992 of 70,408 failed (503: 2,990, no answer: 2)"}; null when nothing failed. */
    public String failureNote() {
        return failed == 0 ? null : String.format(java.util.Locale.ROOT, "%,d of %,d failed (%s)", failed, sent,
                failuresByStatus());
    }
}
