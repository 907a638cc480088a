package com.makeitright.bench;

import com.makeitright.bench.report.Figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Section 5a: RSS of each process, idle (after start-up) and its peak under the sections' load. */
final class MemorySection implements Section {

    private static final double MB = 1024 * 1024;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String title() {
        return "Memory: RSS (VmRSS)";
    }

    @Override
    public String baselineWhy() {
        return "the no-op WebFlux endpoint's RSS (idle, and its peak under the intake section's load), with the"
                + " services' JVM settings: what the framework and JVM take before any of our code.";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        Map<String, Long> idle = context.memory().idle();
        Map<String, Long> load = context.memory().underLoad();
        Long noopIdle = idle.get("no-op endpoint");
        Long noopLoad = load.get("no-op endpoint");
        List<Figure> figures = new ArrayList<>();
        idle.forEach((process, bytes) -> {
            if (!process.endsWith("endpoint")) {
                figures.add(new Figure(process + " idle", bytes / MB, "MB", "no-op endpoint idle", mb(noopIdle), false,
                        null));
            }
        });
        load.forEach((process, bytes) -> {
            if (!process.endsWith("endpoint")) {
                figures.add(new Figure(process + " under load (peak)", bytes / MB, "MB", "no-op endpoint under load",
                        mb(noopLoad), false, null));
            }
        });
        return figures;
    }

    private static Double mb(Long bytes) {
        return bytes == null ? null : bytes / MB;
    }
}
