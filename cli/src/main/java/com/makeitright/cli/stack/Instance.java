package com.makeitright.cli.stack;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process of the local stack: a component and, for a service, which of its instances ({@code up --instances N}).
 * The first instance is named, numbered and placed as the stack always was ({@code intake}: port 8080,
 * {@code logs/intake.log}, {@code state/intake-service}); instance {@code n} is {@code intake-n}, on the first
 * instance's port plus {@link #PORT_STEP} per instance after the first, with its own pid file, log and state directory.
 * The mail server runs once; the broker runs once, or as a cluster of {@link #MAX_BROKERS} nodes ({@code up --brokers 3}):
 * node {@code n} is {@code kafka-n}, named, numbered and placed like a service's instances.
 */
public record Instance(Component component, int number) {

    /** Instance {@code n} of a service listens on the first instance's port + {@code (n - 1) * PORT_STEP}. */
    public static final int PORT_STEP = 100;
    /** At most this many instances of each service: 9 × 5 JVMs is already far more than a laptop runs well. */
    public static final int MAX = 9;
    /** Kafka nodes of the local cluster ({@code up --brokers 3}): enough for replication factor 3. */
    public static final int MAX_BROKERS = 3;

    private static final Pattern NUMBERED = Pattern.compile("(.+)-([0-9]+)");

    public Instance {
        if (number < 1 || number > MAX) {
            throw new IllegalArgumentException("Instance numbers run from 1 to " + MAX + ", was " + number);
        }
        if (number > 1 && component == Component.KAFKA && number > MAX_BROKERS) {
            throw new IllegalArgumentException("Kafka runs as at most " + MAX_BROKERS + " nodes, was node " + number);
        }
        if (number > 1 && !component.isService() && component != Component.KAFKA) {
            throw new IllegalArgumentException(component.shortName() + " runs once; only the services have instances");
        }
    }

    public static Instance first(Component component) {
        return new Instance(component, 1);
    }

    public boolean isFirst() {
        return number == 1;
    }

    /** {@code intake} for the first instance, {@code intake-2} for the second: what commands accept and files are named. */
    public String name() {
        return isFirst() ? component.shortName() : component.shortName() + "-" + number;
    }

    /**
     * {@code intake} or {@code intake-1} (the first instance), {@code intake-2}, and the same with the module name
     * ({@code intake-service-2}), any case.
     */
    public static Instance parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        try {
            return first(Component.parse(wanted));
        } catch (IllegalArgumentException notPlain) {
            Matcher numbered = NUMBERED.matcher(wanted);
            if (!numbered.matches()) {
                throw notPlain;
            }
            Component component = Component.parse(numbered.group(1));
            int number;
            try {
                number = Integer.parseInt(numbered.group(2));
            } catch (NumberFormatException tooLong) {
                number = Integer.MAX_VALUE;
            }
            return new Instance(component, number);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
