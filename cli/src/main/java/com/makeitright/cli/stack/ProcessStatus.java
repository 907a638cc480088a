package com.makeitright.cli.stack;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** One row of {@code ./complaints status}: one process (a service's instance, the broker, the mail server). */
public record ProcessStatus(Instance instance, OptionalLong pid, int port, Health health, Optional<Duration> uptime,
                            OptionalLong residentBytes) {

    public Component component() {
        return instance.component();
    }

    /** A process's health as a person reads it. */
    public enum Health {
        /** Running and healthy (a service's actuator says UP; the broker answers the Admin API). */
        UP,
        /** Running, not (yet) healthy. */
        STARTING,
        /** Running but nothing answers on its port. */
        NO_ANSWER,
        /** Not running. */
        STOPPED
    }
}
