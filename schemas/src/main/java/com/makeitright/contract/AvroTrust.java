package com.makeitright.contract;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 only instantiates classes from trusted packages while reading. The generated event
 * classes live in {@code com.makeitright.events}; trusting them here, once, spares every JVM
 * (services, CLI, tests) a system property.
 */
final class AvroTrust {

    private static final String EVENTS_PACKAGE = "com.makeitright.events.";
    private static volatile boolean installed;

    private AvroTrust() {
    }

    static void install() {
        if (installed) {
            return;
        }
        synchronized (AvroTrust.class) {
            if (!installed) {
                ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
                ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                        type -> type.getName().startsWith(EVENTS_PACKAGE)));
                installed = true;
            }
        }
    }
}
