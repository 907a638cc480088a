package com.makeitright.bench;

import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.Credentials;
import com.makeitright.cli.stack.HealthProbe;
import com.makeitright.cli.stack.KafkaBroker;
import com.makeitright.cli.stack.LocalStack;
import com.makeitright.cli.stack.ManagedProcess;
import com.makeitright.cli.stack.Ports;
import com.makeitright.cli.stack.StackConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The bench's own local stack (the {@code stack} package's {@link LocalStack}: a broker and the four services
 * as processes) on free ports in its own run directory, plus the baseline processes it starts beside it, each a
 * JVM with the services' JVM settings. {@link #close()} stops all of it, baselines first, and is safe to call
 * twice (the shutdown hook and the normal end both do).
 */
final class BenchStack implements AutoCloseable {

    private static final Duration BASELINE_STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration LEFTOVER_STOP_GRACE = Duration.ofSeconds(60);

    private final LocalStack stack;
    private final Map<String, ManagedProcess> baselines = new LinkedHashMap<>();
    private final Map<String, Integer> appPorts = new LinkedHashMap<>();
    private final HealthProbe probe = new HealthProbe();
    private final AtomicBoolean closed = new AtomicBoolean();

    BenchStack(Path projectDir, Path runDir) {
        StackConfig.Builder builder = StackConfig.builder(projectDir).runDir(runDir)
                .controllerPort(Ports.freePort()).mailApiPort(Ports.freePort());
        for (Component component : Component.values()) {
            builder.port(component, Ports.freePort());
        }
        // The bench measures intake, not its per-client rate limit (SECURITY.md): one helpdesk key sends it all.
        builder.serviceEnv(Component.INTAKE, "INTAKE_RATE_LIMIT_HELPDESK_CAPACITY", "100000000")
                .serviceEnv(Component.INTAKE, "INTAKE_RATE_LIMIT_HELPDESK_PER_SECOND", "100000000");
        this.stack = new LocalStack(builder.build());
    }

    /** The {@code Authorization} value of the stack's helpdesk key (made when its services first started). */
    String helpdesk() {
        return Credentials.of(stack.config()).bearer("helpdesk");
    }

    /** Stops whatever a previous bench left running in {@code runDir} (a killed bench cannot clean up). */
    static void stopLeftovers(Path runDir) throws java.io.IOException {
        Path pids = runDir.resolve("pids");
        if (!java.nio.file.Files.isDirectory(pids)) {
            return;
        }
        try (var files = java.nio.file.Files.list(pids)) {
            for (Path pidFile : files.filter(file -> file.toString().endsWith(".pid")).toList()) {
                String name = pidFile.getFileName().toString().replace(".pid", "");
                new ManagedProcess(name, pidFile, runDir.resolve("logs").resolve(name + ".log"))
                        .stop(LEFTOVER_STOP_GRACE);
            }
        }
    }

    LocalStack stack() {
        return stack;
    }

    StackConfig config() {
        return stack.config();
    }

    String bootstrapServers() {
        return stack.bootstrapServers();
    }

    /** Starts the broker alone and waits until it answers; returns how long that took. */
    Duration startBroker() {
        long start = System.nanoTime();
        stack.start(Component.KAFKA);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Starts whatever is not running (the four services, in parallel) and waits until all are healthy. */
    Duration up(Consumer<String> progress) {
        long start = System.nanoTime();
        stack.up(progress);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    void stop(Component... components) {
        List<Thread> stopping = new ArrayList<>();
        for (Component component : components) {
            Thread thread = new Thread(() -> stack.stop(component), "stop-" + component.shortName());
            thread.start();
            stopping.add(thread);
        }
        joinAll(stopping);
    }

    /** Starts the components at once and waits until each is healthy. */
    void start(Component... components) {
        List<Thread> starting = new ArrayList<>();
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Component component : components) {
            Thread thread = new Thread(() -> {
                try {
                    stack.start(component);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }, "start-" + component.shortName());
            thread.start();
            starting.add(thread);
        }
        joinAll(starting);
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    OptionalLong residentBytes(Component component) {
        return stack.process(component).residentBytes();
    }

    /** RSS of a running baseline process, empty when it does not run. */
    OptionalLong baselineResidentBytes(String name) {
        ManagedProcess process;
        synchronized (baselines) {
            process = baselines.get(name);
        }
        return process == null ? OptionalLong.empty() : process.residentBytes();
    }

    void createTopics(List<String> names) {
        KafkaBroker.createTopics(bootstrapServers(), names.stream()
                .map(name -> new NewTopic(name, config().partitions(), (short) 1)).toList(), Duration.ofSeconds(60));
    }

    /**
     * Starts a baseline: {@code mainClass} of this module in its own JVM with the services' JVM settings, its
     * log and pid file beside the services'. Does not wait.
     */
    ManagedProcess startBaseline(String name, Class<?> mainClass, List<String> args) {
        ManagedProcess process = new ManagedProcess("bench-" + name,
                config().runDir().resolve("pids").resolve("bench-" + name + ".pid"),
                config().logsDir().resolve("bench-" + name + ".log"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config().serviceJavaOpts());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        synchronized (baselines) {
            if (closed.get()) {
                throw new IllegalStateException("The bench is stopping; not starting " + name);
            }
            baselines.put(name, process);
            process.start(command, Map.of(), config().runDir());
        }
        return process;
    }

    /**
     * The port of a baseline web app: started on a free port (and awaited until it answers its health check) on
     * first use, the same one afterwards.
     */
    synchronized int baselineApp(String name, Class<?> mainClass, List<String> extraArgs) {
        Integer running = appPorts.get(name);
        if (running != null) {
            return running;
        }
        int port = Ports.freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--spring.main.banner-mode=off"));
        args.addAll(extraArgs);
        ManagedProcess process = startBaseline(name, mainClass, args);
        probe.awaitUp(process.name(), port, config().startTimeout(), () -> process.running().isPresent());
        appPorts.put(name, port);
        return port;
    }

    void stopBaseline(String name) {
        ManagedProcess process;
        synchronized (baselines) {
            process = baselines.remove(name);
        }
        synchronized (this) {
            appPorts.remove(name);
        }
        if (process != null) {
            process.stop(BASELINE_STOP_GRACE);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<String> names;
        synchronized (baselines) {
            names = new ArrayList<>(baselines.keySet());
        }
        names.forEach(this::stopBaseline);
        stack.down();
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the stack", e);
            }
        }
    }
}
