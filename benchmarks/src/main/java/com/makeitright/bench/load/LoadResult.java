package com.makeitright.bench.load;

/**
 * One load run: how many requests were sent, how many were accepted ({@code 202}), how many failed (another
 * status, or no answer), over how long, with the latency of every answer.
 */
public record LoadResult(String shape, long sent, long accepted, long failed, double seconds, Latency latency) {

    public double acceptedPerSecond() {
        return seconds <= 0 ? 0 : accepted / seconds;
    }
}
