package com.makeitright.bench.report;

/**
 * One measured figure beside the baseline measured in the same run. {@code higherIsBetter} decides how the
 * ratio reads: for a rate the figure's share of the baseline, for a latency or a size how many times the
 * baseline it costs. A missing value (the section failed, or nothing arrived) is {@code null}.
 */
public record Figure(String name, Double value, String unit, String baselineName, Double baseline,
                     boolean higherIsBetter, String note) {

    public static Figure rate(String name, double value, String unit, String baselineName, double baseline) {
        return new Figure(name, value, unit, baselineName, baseline, true, null);
    }

    public static Figure cost(String name, double value, String unit, String baselineName, double baseline) {
        return new Figure(name, value, unit, baselineName, baseline, false, null);
    }

    public Figure withNote(String text) {
        return new Figure(name, value, unit, baselineName, baseline, higherIsBetter, text);
    }

    /** Figure divided by baseline, or {@code null} when either is missing or the baseline is zero. */
    public Double ratio() {
        if (value == null || baseline == null || baseline == 0) {
            return null;
        }
        return value / baseline;
    }
}
