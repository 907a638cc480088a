package com.makeitright.bench;

import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.Credentials;
import com.makeitright.cli.stack.HealthProbe;
import com.makeitright.cli.stack.Instance;
import com.makeitright.cli.stack.KafkaBroker;
import com.makeitright.cli.stack.LocalStack;
import com.makeitright.cli.stack.ManagedProcess;
import com.makeitright.cli.stack.Ports;
import com.makeitright.cli.stack.StackConfig;
import com.makeitright.contract.TopicLayout;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

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
 * The bench's own local stack (the {@code stack} package's {@link LocalStack}: a broker or a three-node cluster
 * and one or more instances of each of the four services, as processes) on free ports in its own run directory,
 * plus the baseline processes it starts beside it, each a JVM with the services' JVM settings. {@link #close()} stops all of it, baselines first, and is safe to call
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

    /**
     * {@code instances} of each service and {@code brokers} Kafka nodes, as {@code up --instances N --brokers B} runs
     * them (replication factor 3 and {@code min.insync.replicas=2} on three nodes), on free ports: instance n of a
     * process listens on its first instance's port + {@link Instance#PORT_STEP} × (n - 1), so each first port is
     * chosen with all of those free.
     */
    BenchStack(Path projectDir, Path runDir, int instances, int brokers) {
        StackConfig.Builder builder = StackConfig.builder(projectDir).runDir(runDir).instances(instances)
                .brokers(brokers).controllerPort(freePorts(brokers)).mailApiPort(Ports.freePort());
        for (Component component : Component.values()) {
            builder.port(component, freePorts(component.isService() ? instances
                    : component == Component.KAFKA ? brokers : 1));
        }
        // Every service JVM of every instance boots at once on the same cores: N instances take about N times as long.
        builder.startTimeout(StackConfig.DEFAULT_START_TIMEOUT.multipliedBy(Math.max(instances, brokers)));
        // The bench measures intake, not its per-client rate limit (SECURITY.md): one helpdesk key sends it all.
        builder.serviceEnv(Component.INTAKE, "INTAKE_RATE_LIMIT_HELPDESK_CAPACITY", "100000000")
                .serviceEnv(Component.INTAKE, "INTAKE_RATE_LIMIT_HELPDESK_PER_SECOND", "100000000");
        StackConfig config = builder.build();
        if (!config.portClashes().isEmpty()) {
            throw new IllegalStateException("The bench's free ports clash: " + config.portClashes());
        }
        this.stack = new LocalStack(config);
    }

    /** A free port {@code p} with {@code p + PORT_STEP × k} free too for every further instance {@code k}. */
    private static int freePorts(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = Ports.freePort();
            boolean allFree = true;
            for (int k = 1; k < count && allFree; k++) {
                int port = first + k * Instance.PORT_STEP;
                allFree = port <= 65_535 && Ports.isFree(port);
            }
            if (allFree) {
                return first;
            }
        }
        throw new IllegalStateException("No free port with " + (count - 1) + " free ports above it at steps of "
                + Instance.PORT_STEP);
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

    /**
     * Starts the broker alone (every node of a cluster at once: a node answers only when most of the quorum is up)
     * and waits until it answers; returns how long that took.
     */
    Duration startBroker() {
        long start = System.nanoTime();
        start(Component.KAFKA);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Starts whatever is not running (the four services, in parallel) and waits until all are healthy. */
    Duration up(Consumer<String> progress) {
        long start = System.nanoTime();
        stack.up(progress);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Stops every instance of the components, all at once. */
    void stop(Component... components) {
        List<Thread> stopping = new ArrayList<>();
        for (Instance instance : instancesOf(components)) {
            Thread thread = new Thread(() -> stack.stop(instance), "stop-" + instance.name());
            thread.start();
            stopping.add(thread);
        }
        joinAll(stopping);
    }

    /** Starts every instance of the components at once and waits until each is healthy. */
    void start(Component... components) {
        List<Thread> starting = new ArrayList<>();
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Instance instance : instancesOf(components)) {
            Thread thread = new Thread(() -> {
                try {
                    stack.start(instance);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }, "start-" + instance.name());
            thread.start();
            starting.add(thread);
        }
        joinAll(starting);
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private List<Instance> instancesOf(Component... components) {
        return java.util.Arrays.stream(components).flatMap(component -> config().instancesOf(component).stream())
                .toList();
    }

    /** Every process of the stack, each broker node and service instance by its name ({@code intake-2}). */
    List<Instance> processes() {
        return config().processes();
    }

    /** RSS of the component's first instance. */
    OptionalLong residentBytes(Component component) {
        return residentBytes(Instance.first(component));
    }

    OptionalLong residentBytes(Instance instance) {
        return stack.process(instance).residentBytes();
    }

    /** RSS of a running baseline process, empty when it does not run. */
    OptionalLong baselineResidentBytes(String name) {
        ManagedProcess process;
        synchronized (baselines) {
            process = baselines.get(name);
        }
        return process == null ? OptionalLong.empty() : process.residentBytes();
    }

    /** The bench's own topics, replicated as the contract's ({@code up --brokers 3}: 3 replicas, 2 in sync). */
    void createTopics(List<String> names) {
        short replicas = config().replicationFactor();
        Map<String, String> minInSync = Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                String.valueOf(TopicLayout.minInSyncReplicas(replicas)));
        KafkaBroker.createTopics(bootstrapServers(), names.stream()
                .map(name -> new NewTopic(name, config().partitions(), replicas).configs(minInSync)).toList(),
                Duration.ofSeconds(60));
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
