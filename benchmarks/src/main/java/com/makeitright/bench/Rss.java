package com.makeitright.bench;

import com.makeitright.cli.stack.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** Which processes a section samples for RSS, by name. */
final class Rss {

    private Rss() {
    }

    /** Every process of the stack (the broker and the four services). */
    static Map<String, Supplier<OptionalLong>> services(BenchStack stack) {
        Map<String, Supplier<OptionalLong>> processes = new LinkedHashMap<>();
        for (Component component : Component.values()) {
            processes.put(component.shortName(), () -> stack.residentBytes(component));
        }
        return processes;
    }
}
