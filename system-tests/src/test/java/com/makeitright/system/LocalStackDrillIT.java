package com.makeitright.system;

import com.makeitright.cli.stack.Component;
import com.makeitright.contract.Topics;
import com.makeitright.contract.Topic;
import com.makeitright.system.SystemStack.Result;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's {@code ./complaints drill --quick} through the real script, on the run's one stack
 * ({@link SystemStack}, which the script started with {@code up -d} and stops with {@code down}): it kills the
 * broker under load and loses nothing. {@code simulate} through the script is {@link SimulateIT}; issue #5's
 * {@code kill remedy}, {@code status} and {@code start remedy} through the script are in {@link CrashRecoveryIT},
 * mid-burst. It shares the stack with the other system tests instead of starting its own: the stack start is the
 * costliest step of the build.
 */
@ExtendWith(SystemStack.class)
@ResourceLock(SystemStack.LOCK) // it kills processes of the shared stack: nothing runs beside it
@Order(Integer.MAX_VALUE) // after the classes that share the stack have started (junit-platform.properties)
class LocalStackDrillIT {

    /**
     * Issue #13's drill, short: {@code ./complaints drill --quick} under load SIGKILLs the broker and starts it
     * again (the services reconnect by themselves), then counts every contract topic: nothing lost, nothing
     * duplicated, the fault healed. A service's SIGKILL is the test above (and CrashRecoveryIT's); the full drill
     * (every service, the broker, a SIGTERM restart of everything) is {@code ./complaints drill}.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void quickDrillKillsTheBrokerAndLosesNothing(SystemStack system) {
        long begin = System.nanoTime();
        assertThat(system.up().exit()).isZero();
        Result drill = system.cli("drill", "--quick", "--faults", "kafka");
        assertThat(drill.exit()).as(drill + system.logs()).isZero();
        assertThat(drill.out()).contains("Lost: 0 ", "Duplicated: 0 ", "OK: nothing lost, nothing duplicated")
                .containsPattern("(?m)^  kafka .* healed: every service reconnected by itself$");
        for (Component service : Component.SERVICES) {
            assertThat(drill.out()).as(service.shortName() + "'s health showed the outage")
                    .containsPattern("health showed it on [^;]*\\b" + service.shortName() + " ");
        }
        for (Topic<?> topic : Topics.ALL) {
            assertThat(drill.out()).contains(topic.name());
        }
        System.out.printf("issue-13 drill --quick: %d s on the shared stack%n%s%n",
                (System.nanoTime() - begin) / 1_000_000_000L, drill.out());
    }
}
