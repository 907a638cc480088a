package com.makeitright.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how much each section runs. {@link #fullRun()} gives figures worth comparing; {@link #quickRun()} only
 * proves the harness works (seconds per section), as the {@code *IT} in {@code ./mvnw verify} runs it.
 */
record BenchOptions(boolean quick, Duration warmUp, Duration saturation, List<Integer> connections,
                    Duration halfRateLatency, double fixedRate, Duration fixedRateDuration, Duration systemLoad,
                    int systemConnections, Duration drainLimit, int pipelineCount, Duration pipelineLimit,
                    int jmhIterations, Duration jmhIteration, Duration warmingLoad, SteadyRate warming) {

    /** The figures: 64 and 256 connections, 200/s, 60 s of whole-system load. */
    static BenchOptions fullRun() {
        return new BenchOptions(false, Duration.ofSeconds(5), Duration.ofSeconds(20), List.of(64, 256),
                Duration.ofSeconds(20), 200, Duration.ofSeconds(30), Duration.ofSeconds(60), 64,
                Duration.ofSeconds(90), 3_000, Duration.ofMinutes(4), 5, Duration.ofSeconds(2),
                // at most 4 minutes of 15 s loads, until three in a row agree within 10%
                Duration.ofSeconds(15), new SteadyRate(0.10, 3, 16));
    }

    static BenchOptions quickRun() {
        return new BenchOptions(true, Duration.ofSeconds(1), Duration.ofSeconds(2), List.of(64, 256),
                Duration.ofSeconds(2), 200, Duration.ofSeconds(2), Duration.ofSeconds(2), 16,
                Duration.ofSeconds(30), 50, Duration.ofSeconds(90), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), new SteadyRate(0.10, 3, 1));
    }

    /** These options with the given overrides ({@code null}: keep). */
    BenchOptions with(Duration systemLoadOverride, Integer pipelineCountOverride) {
        return new BenchOptions(quick, warmUp, saturation, connections, halfRateLatency, fixedRate, fixedRateDuration,
                systemLoadOverride != null ? systemLoadOverride : systemLoad, systemConnections, drainLimit,
                pipelineCountOverride != null ? pipelineCountOverride : pipelineCount, pipelineLimit, jmhIterations,
                jmhIteration, warmingLoad, warming);
    }
}
