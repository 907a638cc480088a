package com.makeitright.bench;

import java.util.List;

/**
 * When a warming JVM's throughput has settled: the last {@code window} loads' accepted rates within
 * {@code tolerance} of the highest of them, or {@code maxLoads} loads run, whichever comes first. A service's rate
 * climbs for minutes after a start while the JIT compiles its request path (intake: 131/s in its first 20 s load,
 * ~600/s by the eighth, on one 2-core machine), so a saturation figure taken a few seconds after the start measures
 * the compiler, not the service. Two loads are not enough: a slow climb (163, then 171/s) looks flat for one step.
 */
record SteadyRate(double tolerance, int window, int maxLoads) {

    SteadyRate {
        if (!(tolerance > 0) || window < 2 || maxLoads < 1) {
            throw new IllegalArgumentException("tolerance must be positive, window at least 2, maxLoads at least 1");
        }
    }

    /** Whether to stop warming after these loads' rates (accepted/s, in order). */
    boolean done(List<Double> rates) {
        return rates.size() >= maxLoads || steady(rates);
    }

    /** Whether the rates ended steady (as opposed to stopped by {@code maxLoads}). */
    boolean steady(List<Double> rates) {
        if (rates.size() < window) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - window, rates.size());
        double highest = last.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double lowest = last.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return highest - lowest <= tolerance * highest;
    }
}
