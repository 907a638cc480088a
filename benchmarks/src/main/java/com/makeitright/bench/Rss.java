package com.makeitright.bench;

import com.makeitright.cli.stack.Instance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** Which processes a section samples for RSS, by name. */
final class Rss {

    private Rss() {
    }

    /** Every process of the stack, each broker node and service instance on its own ({@code triage-2}). */
    static Map<String, Supplier<OptionalLong>> services(BenchStack stack) {
        Map<String, Supplier<OptionalLong>> processes = new LinkedHashMap<>();
        for (Instance process : stack.processes()) {
            processes.put(process.name(), () -> stack.residentBytes(process));
        }
        return processes;
    }
}
