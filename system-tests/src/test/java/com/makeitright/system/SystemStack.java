package com.makeitright.system;

import com.makeitright.cli.simulate.IntakeClient;
import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.LocalStack;
import com.makeitright.cli.stack.Ports;
import com.makeitright.cli.stack.StackConfig;
import com.makeitright.testing.KafkaProbe;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The whole system for end-to-end tests: a real Kafka broker and the four services, each its own JVM started
 * from its packaged jar by the same {@link LocalStack} that {@code ./complaints up} uses, on free ports with a
 * private run directory (so the tests pass while a developer's stack runs). Started once for all test classes
 * of the run and stopped at the end. Inject it as a test method or constructor parameter.
 */
final class SystemStack implements ParameterResolver, AutoCloseable {

    /** Follow-ups come due this long after resolution: short, so cases close within a test. */
    static final Duration FOLLOWUP_DELAY = Duration.ofSeconds(3);

    private LocalStack stack;
    private KafkaProbe probe;
    private IntakeClient intake;
    private Path runDir;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SystemStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SystemStack.class, type -> new SystemStack().start(), SystemStack.class);
    }

    private SystemStack start() {
        Path project = projectDirectory();
        try {
            runDir = Files.createTempDirectory(project.resolve("system-tests/target"), "stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StackConfig.Builder config = StackConfig.builder(project)
                .runDir(runDir)
                .controllerPort(Ports.freePort())
                .brokerClasspath(project.resolve("cli/target/cli.jar") + java.io.File.pathSeparator
                        + project.resolve("cli/target/lib") + java.io.File.separator + "*")
                .startTimeout(Duration.ofMinutes(4));
        for (Component component : Component.values()) {
            config.port(component, Ports.freePort());
        }
        // Deadlines far away, so that only what a test does moves a complaint; follow-ups quickly.
        config.serviceEnv(Component.FOLLOWUP, "FOLLOWUP_DELAY", FOLLOWUP_DELAY.toString());
        config.serviceEnv(Component.REMEDY, "REMEDY_POLICY_NEGOTIATION_OFFER_EXPIRY", "PT1H");
        config.serviceEnv(Component.REMEDY, "REMEDY_POLICY_NEGOTIATION_APPROVAL_TIMEOUT", "PT1H");
        // Only what a JVM needs from the developer's environment: their FOLLOWUP_DELAY and friends stay out.
        Map<String, String> inherited = new java.util.HashMap<>();
        for (String name : new String[]{"PATH", "HOME", "JAVA_HOME", "TMPDIR", "LANG"}) {
            String value = System.getenv(name);
            if (value != null) {
                inherited.put(name, value);
            }
        }
        stack = new LocalStack(config.build(), inherited);
        stack.up(line -> System.out.println("[system-stack] " + line));
        probe = new KafkaProbe(stack.bootstrapServers());
        intake = new IntakeClient(URI.create("http://localhost:" + stack.config().port(Component.INTAKE)));
        return this;
    }

    LocalStack stack() {
        return stack;
    }

    KafkaProbe kafka() {
        return probe;
    }

    IntakeClient intake() {
        return intake;
    }

    /** SIGKILL, as in a crash: no shutdown hook, no flush, no goodbye to the consumer group. */
    void crash(Component service) {
        stack.kill(service);
    }

    /** Starts a service again and waits until it is healthy. */
    void restart(Component service) {
        stack.start(service);
    }

    @Override
    public void close() {
        if (probe != null) {
            probe.close();
        }
        if (stack != null) {
            stack.down();
            stack.wipe();
        }
    }

    private static Path projectDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("complaints"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from inside the repository: no ./complaints found above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
