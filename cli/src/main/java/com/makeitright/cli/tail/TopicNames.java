package com.makeitright.cli.tail;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;

import java.util.Locale;
import java.util.stream.Collectors;

/** Resolves what a person types for a topic: the full name ({@code complaints.received}) or its short form. */
public final class TopicNames {

    static final String PREFIX = "complaints.";

    private TopicNames() {
    }

    public static Topic<?> resolve(String typed) {
        String name = typed.trim().toLowerCase(Locale.ROOT);
        return Topics.byName(name)
                .or(() -> Topics.byName(PREFIX + name))
                .orElseThrow(() -> new IllegalArgumentException("Unknown topic '" + typed + "'. Valid topics: "
                        + validNames()));
    }

    /** Every contract topic as {@code short (full)}, in lifecycle order. */
    public static String validNames() {
        return Topics.ALL.stream().map(t -> shortName(t) + " (" + t.name() + ")").collect(Collectors.joining(", "));
    }

    public static String shortName(Topic<?> topic) {
        return topic.name().startsWith(PREFIX) ? topic.name().substring(PREFIX.length()) : topic.name();
    }
}
