package com.makeitright.system;

import com.makeitright.cli.mail.MailServer;
import com.makeitright.cli.simulate.IntakeClient;
import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.Credentials;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The whole system for end-to-end tests: a real Kafka broker, the four services, the follow-up worker and the mail
 * server it sends to (GreenMail standalone), each its own JVM started
 * from its packaged jar by the real {@code ./complaints up -d} script, on free ports with a private run directory
 * (so the tests pass while a developer's stack runs). Started once for all test classes of the run (the stack is
 * the costliest thing the build starts) and stopped at the end with {@code ./complaints down}. Tests drive it
 * through the script ({@link #cli}) or from Java ({@link #crash}, {@link #restart}, {@link #kafka}, {@link #intake}).
 * Inject it as a test method or constructor parameter.
 */
final class SystemStack implements ParameterResolver, AutoCloseable {

    /**
     * The resource lock of the stack (junit-platform.properties): a test class that only uses the stack holds it in
     * READ mode and runs beside the others; one that kills its processes holds it READ_WRITE, alone.
     */
    static final String LOCK = "make-it-right local stack";

    /** Follow-ups come due this long after resolution: short, so cases close within a test. */
    static final Duration FOLLOWUP_DELAY = Duration.ofSeconds(3);

    /** The JIT setting of every JVM the system tests start (the build's test JVMs use it too: see the root pom). */
    static final String TEST_JIT = "-XX:TieredStopAtLevel=1";

    /** How long one {@code ./complaints} command may take. */
    static final Duration COMMAND = Duration.ofMinutes(8);

    private final Map<String, String> env = new HashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private Path project;
    private Path runDir;
    private Result up;
    private LocalStack stack;
    private KafkaProbe probe;
    private IntakeClient intake;

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
        project = projectDirectory();
        try {
            runDir = Files.createTempDirectory(project.resolve("system-tests/target"), "stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.putAll(inheritedEnvironment());
        env.put("COMPLAINTS_SKIP_BUILD", "1"); // the reactor just built the jars
        // The services' own settings plus C1 only: the tests' loads are small, and C2 compiling would take the cores
        env.put(StackConfig.SERVICE_JAVA_OPTS_VARIABLE, StackConfig.DEFAULT_SERVICE_JAVA_OPTS + " " + TEST_JIT);
        // the broker's too: it serves the whole run, and C2 compiling Kafka would compete with the services' start
        env.put(StackConfig.KAFKA_JAVA_OPTS_VARIABLE, StackConfig.DEFAULT_KAFKA_JAVA_OPTS + " " + TEST_JIT);
        env.put(StackConfig.RUN_DIR_VARIABLE, runDir.toString());
        // A fresh run directory per run: class archives would only be recorded and written at stop, never mapped
        env.put("COMPLAINTS_CDS", "off");
        env.put(StackConfig.START_TIMEOUT_VARIABLE, Duration.ofMinutes(4).toString());
        env.put(StackConfig.CONTROLLER_PORT_VARIABLE, String.valueOf(Ports.freePort()));
        env.put(StackConfig.MAIL_API_PORT_VARIABLE, String.valueOf(Ports.freePort()));
        for (Component component : Component.values()) {
            env.put(component.portVariable(), String.valueOf(Ports.freePort()));
        }
        // Deadlines far away, so that only what a test does moves a complaint; follow-ups quickly.
        Map<Component, Map<String, String>> serviceEnv = Map.of(
                Component.FOLLOWUP, Map.of("FOLLOWUP_DELAY", FOLLOWUP_DELAY.toString(),
                        "FOLLOWUP_OFFER_REMINDER", "PT50M", "FOLLOWUP_SATISFACTION_WINDOW", "PT1H"),
                Component.REMEDY, Map.of("REMEDY_POLICY_NEGOTIATION_OFFER_EXPIRY", "PT1H",
                        "REMEDY_POLICY_NEGOTIATION_APPROVAL_TIMEOUT", "PT1H"));
        serviceEnv.values().forEach(env::putAll);

        // Started through the real script, as a developer does: this proves `./complaints up -d` once for the run.
        up = cli("up", "-d");
        if (up.exit() != 0) {
            throw new IllegalStateException("./complaints up -d failed: " + up + logs());
        }
        // The same stack seen from Java (same run directory, ports and environment), to crash and restart services.
        // A service restarted from here inherits this JVM's environment, so its settings are given explicitly.
        StackConfig.Builder config = StackConfig.fromEnvironment(project, env);
        serviceEnv.forEach((service, vars) -> vars.forEach((name, value) -> config.serviceEnv(service, name, value)));
        stack = new LocalStack(config.build(), env);
        probe = new KafkaProbe(stack.bootstrapServers());
        intake = new IntakeClient(URI.create("http://localhost:" + stack.config().port(Component.INTAKE)),
                Credentials.of(stack.config())::bearer);
        return this;
    }

    /** Only what a JVM needs from the developer's environment: their FOLLOWUP_DELAY and friends stay out. */
    private static Map<String, String> inheritedEnvironment() {
        Map<String, String> inherited = new HashMap<>();
        for (String name : new String[]{"PATH", "HOME", "JAVA_HOME", "TMPDIR", "LANG"}) {
            Optional.ofNullable(System.getenv(name)).ifPresent(value -> inherited.put(name, value));
        }
        return inherited;
    }

    /** What the stack's mail server (the one the worker sends to) received, through its REST API. */
    MailServer mail() {
        return new MailServer(stack.config().mailApiUrl());
    }

    /** The repository's root directory. */
    Path project() {
        return project;
    }

    /** What {@code ./complaints up -d} answered when the stack started. */
    Result up() {
        return up;
    }

    /** The port a component of this stack listens on. */
    int port(Component component) {
        return stack.config().port(component);
    }

    /** Runs {@code ./complaints ARGS} against this stack and waits for it to finish. */
    Result cli(String... args) {
        int call = calls.incrementAndGet();
        Path out = runDir.resolve("cli-" + call + ".out");
        Path err = runDir.resolve("cli-" + call + ".err");
        try {
            Process process = startCli(List.of(args), out, err);
            if (!process.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                // what it printed so far: the run directory, with the command's output, is wiped at the end
                throw new AssertionError("./complaints " + String.join(" ", args) + " did not finish in " + COMMAND
                        + "; it printed:\n" + Files.readString(out) + "\n--- stderr\n" + Files.readString(err) + logs());
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code ./complaints ARGS} against this stack without waiting, its output in the given files. */
    Process startCli(List<String> args, Path out, Path err) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", project.resolve("complaints").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The {@code Authorization} value of a role's key, as {@code up} wrote it to the run directory. */
    String bearer(String role) {
        return Credentials.of(stack.config()).bearer(role);
    }

    Path runDir() {
        return runDir;
    }

    /** The end of every process's log, for a failure message. */
    String logs() {
        StringBuilder text = new StringBuilder();
        for (Component component : Component.values()) {
            Path log = runDir.resolve("logs").resolve(component.shortName() + ".log");
            if (Files.isRegularFile(log)) {
                try {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    text.append("\n--- ").append(log.getFileName()).append('\n')
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
                } catch (IOException e) {
                    text.append("\n--- ").append(log.getFileName()).append(": ").append(e);
                }
            }
        }
        return text.toString();
    }

    /** What a {@code ./complaints} command printed, and its exit code. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
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

    /** Stops everything through {@code ./complaints down}, as a developer does; a failing down fails the run. */
    @Override
    public void close() {
        if (probe != null) {
            probe.close();
        }
        if (stack != null) {
            Result down = cli("down");
            List<Component> leftOver = stack.down(); // anything the script missed, so nothing outlives the run
            List<String> leaks = personalDataInLogs();
            stack.wipe();
            if (down.exit() != 0 || !leftOver.isEmpty()) {
                throw new AssertionError("./complaints down did not stop the stack (left " + leftOver + "): " + down);
            }
            if (!leaks.isEmpty()) {
                throw new AssertionError("personal data in the services' logs (issue #12: logs never carry it):\n  "
                        + String.join("\n  ", leaks));
            }
        }
    }

    /**
     * The contact data the run's complaints carried (the simulator's and the drill's customers, the tests' fixtures:
     * e-mail addresses at example.com and customers.test, +1 555 phone numbers, the fixture's name), looked for in
     * every log of the stack once the whole run (simulations, crashes, the broker outage) is over. Each hit is given
     * as file:line, without the data itself.
     */
    private List<String> personalDataInLogs() {
        Pattern personal = Pattern.compile(
                "[A-Za-z0-9._%+-]+@(example\\.com|customers\\.test)|\\+1 555 \\d{4}|Dana Reyes");
        List<String> hits = new ArrayList<>();
        try (var logs = Files.list(runDir.resolve("logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).sorted().toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
                for (int i = 0; i < lines.size() && hits.size() < 20; i++) {
                    if (personal.matcher(lines.get(i)).find()) {
                        hits.add(log.getFileName() + ":" + (i + 1));
                    }
                }
            }
        } catch (IOException e) {
            hits.add("logs not readable: " + e.getMessage());
        }
        return hits;
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
