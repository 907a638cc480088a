package com.makeitright.cli.stack;

import com.makeitright.contract.ConsumerLag;
import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local stack: a Kafka broker, an SMTP server that keeps what it receives (GreenMail standalone) and the
 * services (the four of the contract and the follow-up worker) as separate JVM processes, with pid files, logs, broker
 * data and service state under one run directory, so any later CLI invocation (or a test) can see, stop, kill
 * and start them again. Starting waits for health; stopping goes services first, broker last.
 */
public final class LocalStack {

    static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(30);
    static final Duration BROKER_STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);
    static final Duration MAIL_STOP_GRACE = Duration.ofSeconds(10);
    static final String MAIL_READINESS = "/api/service/readiness";

    private final StackConfig config;
    private final Map<String, String> inheritedEnvironment;
    private final HealthProbe probe = new HealthProbe();
    /** Made on first use: {@code down} and {@code wipe} look at every possible instance, not just the configured ones. */
    private final Map<Instance, ManagedProcess> processes = new java.util.concurrent.ConcurrentHashMap<>();
    /** The local Kafka's nodes, made on first use like the processes. */
    private final Map<Instance, KafkaBroker> brokers = new java.util.concurrent.ConcurrentHashMap<>();
    private final AppCds cds;

    public LocalStack(StackConfig config) {
        this(config, System.getenv());
    }

    /** {@code inheritedEnvironment}: what the started processes inherit (decides which local delays apply). */
    public LocalStack(StackConfig config, Map<String, String> inheritedEnvironment) {
        this.config = config;
        this.inheritedEnvironment = Map.copyOf(inheritedEnvironment);
        this.cds = new AppCds(config.runDir().resolve("cds"), KafkaBroker.javaExecutable(),
                !"off".equalsIgnoreCase(this.inheritedEnvironment.getOrDefault(AppCds.VARIABLE, "on").trim()));
    }

    public StackConfig config() {
        return config;
    }

    /** The component's first (for the broker and the mail server: only) process. */
    public ManagedProcess process(Component component) {
        return process(Instance.first(component));
    }

    public ManagedProcess process(Instance instance) {
        return processes.computeIfAbsent(instance, i -> new ManagedProcess(i.name(), config.pidFile(i),
                config.logFile(i)));
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /** Node {@code node} ({@code kafka}, {@code kafka-2}, ...) of the local broker or cluster. */
    public KafkaBroker broker(Instance node) {
        return brokers.computeIfAbsent(node, n -> KafkaBroker.of(config, n, process(n), cds));
    }

    /**
     * Everything that would make {@code up} fail half-way, found before anything starts: a missing jar, a
     * needed port that another program holds, two instances planned on one port. Looks at every instance of
     * {@code components}.
     */
    public List<String> problemsBeforeStarting(List<Component> components) {
        List<String> problems = new ArrayList<>(config.portClashes());
        problems.addAll(problemsOf(
                components.stream().flatMap(component -> config.instancesOf(component).stream()).toList()));
        return problems;
    }

    private List<String> problemsOf(List<Instance> instances) {
        List<String> problems = new ArrayList<>();
        for (Instance instance : instances) {
            Component component = instance.component();
            if (component == Component.KAFKA && !config.runsOwnBroker()) {
                continue;
            }
            if (instance.isFirst() && component.isService() && !Files.isRegularFile(component.jar(config.projectDir()))) {
                problems.add(component.shortName() + ": " + config.projectDir().relativize(component.jar(config.projectDir()))
                        + " is missing (build it: ./mvnw -q -B package -DskipTests)");
            }
            if (component == Component.MAIL && !Files.isRegularFile(config.mailServerJar())) {
                problems.add("mail: " + config.projectDir().relativize(config.mailServerJar())
                        + " is missing (build it: ./mvnw -q -B package -DskipTests)");
            }
            if (process(instance).running().isPresent()) {
                continue; // already ours: its port is rightly taken
            }
            portProblem(instance.name(), config.port(instance), component.portVariable(),
                    component == Component.MAIL ? "--smtp-port" : "--" + component.shortName() + "-port"
                            + (instance.isFirst() ? "" : " (instance " + instance.number() + " adds "
                            + (instance.number() - 1) * Instance.PORT_STEP + ")"))
                    .ifPresent(problems::add);
            if (component == Component.KAFKA) {
                portProblem(instance.name() + " controller", config.controllerPort(instance),
                        StackConfig.CONTROLLER_PORT_VARIABLE, "--controller-port" + (instance.isFirst() ? ""
                                : " (node " + instance.number() + " adds " + (instance.number() - 1) * Instance.PORT_STEP
                                + ")")).ifPresent(problems::add);
            }
            if (component == Component.MAIL) {
                portProblem("mail REST API", config.mailApiPort(), StackConfig.MAIL_API_PORT_VARIABLE,
                        "--mail-api-port").ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static java.util.Optional<String> portProblem(String what, int port, String variable, String flag) {
        if (Ports.isFree(port)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("port " + port + " (" + what + ") is already in use by another program;"
                + " stop it or choose another port with " + flag + " or " + variable);
    }

    /**
     * Starts whatever of the stack is not running and waits until all of it is healthy. Refuses, starting
     * nothing, when a jar is missing or a port is taken. When something fails to come up, stops what this call
     * started and throws with the end of its log.
     */
    public void up(Consumer<String> progress) {
        List<Component> components = config.components();
        List<String> problems = problemsBeforeStarting(components);
        if (!problems.isEmpty()) {
            throw new StackException("Not starting anything:\n  - " + String.join("\n  - ", problems));
        }
        config.save();
        List<Instance> started = new ArrayList<>();
        try {
            // The mail server is ready in seconds, long before the worker looks for it: it boots beside the broker,
            // and first, as the broker's start formats its storage (a JVM of its own) on a fresh run directory.
            if (process(Component.MAIL).running().isEmpty()) {
                progress.accept("Starting the mail server (GreenMail) on SMTP port " + config.port(Component.MAIL));
                startProcess(Instance.first(Component.MAIL));
                started.add(Instance.first(Component.MAIL));
            }
            if (config.runsOwnBroker()) {
                started.addAll(startBrokers(progress));
            }
            if (config.runsOwnBroker()) {
                cds.prepareAll(Component.SERVICES, config.projectDir());
                awaitBrokers(config.startTimeout());
            }
            // The service JVMs boot for tens of seconds before they touch Kafka, so they start together the moment
            // the broker answers, and the topics are created once meanwhile (each service's KafkaAdmin finds them).
            for (Component component : Component.SERVICES) {
                for (Instance service : config.instancesOf(component)) {
                    if (process(service).running().isEmpty()) {
                        progress.accept("Starting " + component.module().orElseThrow()
                                + (service.isFirst() ? "" : " instance " + service.number()) + " on port "
                                + config.port(service));
                        startProcess(service);
                        started.add(service);
                    }
                }
            }
            createTopics(progress);
            long deadline = System.nanoTime() + config.startTimeout().toNanos();
            List<Instance> awaited = new ArrayList<>(List.of(Instance.first(Component.MAIL)));
            Component.SERVICES.forEach(service -> awaited.addAll(config.instancesOf(service)));
            awaitAll(awaited,
                    instance -> awaitHealthy(instance, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))),
                    instance -> progress.accept(instance.component().module()
                            .map(module -> instance.isFirst() ? module : module + " instance " + instance.number())
                            .orElse("the mail server") + " is healthy"));
        } catch (RuntimeException failure) {
            List<String> lastLines = new ArrayList<>();
            for (Instance instance : started) {
                if (process(instance).running().isEmpty()
                        || String.valueOf(failure.getMessage()).startsWith(instance.name() + " ")) {
                    lastLines.add("--- " + instance.name() + " (" + process(instance).logFile() + "):");
                    lastLines.addAll(process(instance).failureExcerpt(12));
                }
            }
            for (int i = started.size() - 1; i >= 0; i--) {
                stop(started.get(i));
            }
            throw new StackException(failure.getMessage() + "; stopped what was started."
                    + (lastLines.isEmpty() ? "" : "\n" + String.join("\n", lastLines)), failure);
        }
    }

    /**
     * Starts every node of the local Kafka that is not running (all at once: a node of a cluster answers only when a
     * majority of the quorum is up) and returns what it started; does not wait.
     */
    List<Instance> startBrokers(Consumer<String> progress) {
        List<Instance> toStart = config.instancesOf(Component.KAFKA).stream()
                .filter(node -> process(node).running().isEmpty()).toList();
        for (Instance node : toStart) {
            progress.accept(config.brokers() == 1 ? "Starting Kafka (KRaft) on port " + config.port(node)
                    : "Starting Kafka node " + node.number() + " of " + config.brokers() + " (KRaft, " + node.name()
                    + ") on port " + config.port(node));
        }
        // In parallel: the first start of each node formats its storage in a JVM of its own (seconds each).
        List<Instance> started = java.util.Collections.synchronizedList(new ArrayList<>());
        awaitAll(toStart, node -> broker(node).start(), started::add);
        return started;
    }

    /** Waits until every node of the local Kafka answers and counts itself in the cluster. */
    void awaitBrokers(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitAll(config.instancesOf(Component.KAFKA),
                node -> broker(node).awaitReady(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))),
                node -> { });
    }

    /**
     * Only the local Kafka: starts its nodes, waits until they answer and creates the contract topics (replication
     * factor 3 and {@code min.insync.replicas=2} on a three-node cluster), as {@code up} does before the services.
     */
    public void upKafka(Consumer<String> progress) {
        if (!config.runsOwnBroker()) {
            throw new StackException("This stack uses the external broker " + config.bootstrapServers());
        }
        List<String> problems = problemsOf(config.instancesOf(Component.KAFKA));
        problems.addAll(config.portClashes());
        if (!problems.isEmpty()) {
            throw new StackException("Not starting Kafka:\n  - " + String.join("\n  - ", problems));
        }
        startBrokers(progress);
        awaitBrokers(config.startTimeout());
        createTopics(progress);
    }

    private void createTopics(Consumer<String> progress) {
        progress.accept("Creating topics on " + config.bootstrapServers()
                + (config.replicationFactor() > 1 ? " (replication factor " + config.replicationFactor()
                + ", min.insync.replicas 2)" : ""));
        KafkaBroker.createTopics(config.bootstrapServers(),
                ContractTopics.all(config.partitions(), config.replicationFactor()), TOPIC_TIMEOUT);
    }

    /**
     * Runs {@code await} for every item at the same time and reports each to {@code done} as soon as it
     * finishes, in the order they finish; the first failure is thrown at once (the other waits are interrupted).
     */
    static <T> void awaitAll(List<T> items, Consumer<T> await, Consumer<T> done) {
        if (items.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(items.size(), task -> {
            Thread thread = new Thread(task, "await-healthy");
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<T> waits = new ExecutorCompletionService<>(pool);
        try {
            for (T item : items) {
                waits.submit(() -> {
                    await.accept(item);
                    return item;
                });
            }
            for (int i = 0; i < items.size(); i++) {
                try {
                    done.accept(waits.take().get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    throw new StackException(String.valueOf(e.getCause()), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for the services", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts a component's first instance (when it is not running) and waits until it is healthy. */
    public void start(Component component) {
        start(Instance.first(component));
    }

    /** Starts one process (when it is not running) and waits until it is healthy. */
    public void start(Instance instance) {
        Component component = config.check(instance).component();
        if (component == Component.KAFKA && !config.runsOwnBroker()) {
            throw new StackException("This stack uses the external broker " + config.bootstrapServers()
                    + "; there is no local Kafka to start");
        }
        if (process(instance).running().isPresent()) {
            awaitHealthy(instance, config.startTimeout());
            return;
        }
        List<String> problems = problemsOf(List.of(instance));
        if (!problems.isEmpty()) {
            throw new StackException("Not starting " + instance.name() + ":\n  - " + String.join("\n  - ", problems));
        }
        startProcess(instance);
        awaitHealthy(instance, config.startTimeout());
    }

    private void startProcess(Instance instance) {
        Component component = instance.component();
        if (component == Component.KAFKA) {
            broker(instance).start();
            return;
        }
        if (component == Component.MAIL) {
            startMailServer();
            return;
        }
        Credentials.of(config).ensure(); // the service reads the key files at start (SECURITY.md)
        List<String> command = new ArrayList<>();
        command.add(KafkaBroker.javaExecutable());
        command.addAll(config.serviceJavaOpts());
        command.addAll(cds.launch(component, component.jar(config.projectDir()), instance.isFirst()));
        try {
            Files.createDirectories(config.stateDir(instance));
            if (component == Component.REMEDY) {
                Files.createDirectories(config.remedyLocalConfig().getParent());
                String promise = inheritedEnvironment.getOrDefault(StackConfig.PROMISE_VARIABLE, StackConfig.DEFAULT_PROMISE);
                Files.writeString(config.remedyLocalConfig(), StackConfig.remedyLocalConfigContent(promise));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + component.shortName() + "'s directories", e);
        }
        Map<String, String> environment = new java.util.LinkedHashMap<>(
                config.serviceEnvironment(instance, inheritedEnvironment));
        if (component == Component.INTAKE && !environment.containsKey("INTAKE_PEER_KEY")) {
            // A read that carries no credential of its own (a webhook, a customer's link) asks the instance that
            // holds the complaint with this key; the file exists: ensure() above.
            Credentials.of(config).key(StackConfig.INTAKE_PEER_ROLE)
                    .ifPresent(key -> environment.put("INTAKE_PEER_KEY", key));
        }
        if ((component == Component.INTAKE || component == Component.WORKER)
                && !environment.containsKey(StackConfig.CUSTOMER_LINK_KEY_VARIABLE)) {
            // The environment's key, or one per run directory made on first use (links mailed before a restart
            // still work after it); given explicitly, so both processes have the same one whoever starts them.
            String inherited = inheritedEnvironment.get(StackConfig.CUSTOMER_LINK_KEY_VARIABLE);
            environment.put(StackConfig.CUSTOMER_LINK_KEY_VARIABLE,
                    isBlank(inherited) ? CustomerLinkKey.of(config).ensure() : inherited);
        }
        if (!environment.containsKey(KeyEncryptionKey.VARIABLE)) {
            // every service seals or may open personal data: the environment's key, or the run directory's own
            String inherited = inheritedEnvironment.get(KeyEncryptionKey.VARIABLE);
            environment.put(KeyEncryptionKey.VARIABLE,
                    isBlank(inherited) ? KeyEncryptionKey.of(config).ensure() : inherited);
        }
        process(instance).start(command, environment, config.projectDir());
    }

    /** GreenMail standalone, its own JVM, from the jar the cli module's build copied (it keeps mail in memory). */
    private void startMailServer() {
        try {
            Files.createDirectories(config.mailServerLogConfig().getParent());
            Files.writeString(config.mailServerLogConfig(), StackConfig.mailServerLogConfigContent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + config.mailServerLogConfig(), e);
        }
        List<String> command = new ArrayList<>();
        command.add(KafkaBroker.javaExecutable());
        command.addAll(List.of(StackConfig.MAIL_JAVA_OPTS.split(" ")));
        command.addAll(config.mailServerProperties());
        command.addAll(cds.forClassPath(Component.MAIL.shortName(), config.mailServerJar().toString()));
        command.add("-jar");
        command.add(config.mailServerJar().toString());
        process(Component.MAIL).start(command, Map.of(), config.projectDir());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Waits until the component's first instance is healthy; throws (with the reason) when it dies or the time runs out. */
    public void awaitHealthy(Component component, Duration timeout) {
        awaitHealthy(Instance.first(component), timeout);
    }

    public void awaitHealthy(Instance instance, Duration timeout) {
        Component component = instance.component();
        ManagedProcess process = process(instance);
        if (component == Component.KAFKA) {
            broker(instance).awaitReady(timeout);
            KafkaBroker.createTopics(config.bootstrapServers(),
                    ContractTopics.all(config.partitions(), config.replicationFactor()), TOPIC_TIMEOUT);
            return;
        }
        if (component == Component.MAIL) {
            probe.awaitUp("mail", config.mailApiPort(), MAIL_READINESS, timeout, () -> process.running().isPresent());
            return;
        }
        probe.awaitUp(instance.name(), config.port(instance), timeout, () -> process.running().isPresent());
    }

    /** Stops a component's first instance gracefully (SIGTERM, then SIGKILL after a grace period). */
    public boolean stop(Component component) {
        return stop(Instance.first(component));
    }

    public boolean stop(Instance instance) {
        Duration grace = switch (instance.component()) {
            case KAFKA -> BROKER_STOP_GRACE;
            case MAIL -> MAIL_STOP_GRACE;
            default -> SERVICE_STOP_GRACE;
        };
        if (cds.recording(instance)) {
            // it writes its class archive as it exits (tens of MB, longer on a loaded machine): a SIGKILL then would
            // lose it, and every later start would record again instead of mapping it
            grace = grace.plus(AppCds.DUMP_GRACE);
        }
        return process(instance).stop(grace);
    }

    /** SIGKILL: no shutdown hooks, no goodbye. For fault drills. */
    public boolean kill(Component component) {
        return kill(Instance.first(component));
    }

    public boolean kill(Instance instance) {
        return process(instance).kill();
    }

    public void restart(Component component) {
        restart(Instance.first(component));
    }

    public void restart(Instance instance) {
        config.check(instance);
        stop(instance);
        start(instance);
    }

    /** {@link #stopAll()}, each component named once. */
    public List<Component> down() {
        return stopAll().stream().map(Instance::component).distinct().toList();
    }

    /**
     * Stops the services (every running instance, also beyond {@link StackConfig#instances()}, all at once), then
     * the mail server (after the worker: it may be sending) and the broker. Data stays, except the mail server's
     * messages (it keeps them in memory). Returns what was stopped.
     */
    public List<Instance> stopAll() {
        List<Instance> stopped = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> stopping = new ArrayList<>();
        for (Instance service : everyServiceInstance()) {
            if (process(service).running().isEmpty()) {
                continue;
            }
            Thread thread = new Thread(() -> {
                if (stop(service)) {
                    stopped.add(service);
                }
            }, "stop-" + service.name());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join(); // bounded by stop(): the grace (and a class archive's dump), then SIGKILL
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while stopping the services", e);
            }
        }
        if (stop(Component.MAIL)) {
            stopped.add(Instance.first(Component.MAIL));
        }
        // A cluster's nodes all at once: stopped one by one, the last would wait for a controller quorum that is gone.
        List<Thread> stoppingKafka = new ArrayList<>();
        for (Instance node : everyKafkaNode()) {
            if (process(node).running().isEmpty()) {
                continue;
            }
            Thread thread = new Thread(() -> {
                if (stop(node)) {
                    stopped.add(node);
                }
            }, "stop-" + node.name());
            thread.start();
            stoppingKafka.add(thread);
        }
        for (Thread thread : stoppingKafka) {
            try {
                // not a shorter bound: the last node of a cluster ignores SIGTERM (its controlled shutdown waits
                // for a quorum that is gone) and must get its SIGKILL before the command exits
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while stopping Kafka", e);
            }
        }
        List<Instance> inOrder = new ArrayList<>(stopped);
        inOrder.sort(java.util.Comparator.comparing(Instance::component).thenComparing(Instance::number));
        return inOrder;
    }

    /** Every instance a service could have, so that nothing an earlier {@code up --instances} started is left. */
    private static List<Instance> everyServiceInstance() {
        List<Instance> all = new ArrayList<>();
        for (Component service : Component.SERVICES) {
            for (int number = 1; number <= Instance.MAX; number++) {
                all.add(new Instance(service, number));
            }
        }
        return all;
    }

    /** Every node the local Kafka could have, so that {@code down} after {@code up --brokers 3} stops them all. */
    private static List<Instance> everyKafkaNode() {
        List<Instance> all = new ArrayList<>();
        for (int number = 1; number <= Instance.MAX_BROKERS; number++) {
            all.add(new Instance(Component.KAFKA, number));
        }
        return all;
    }

    /** Deletes the run directory: broker data, service state, logs. Refuses while anything runs. */
    public void wipe() {
        List<Instance> every = new ArrayList<>(everyKafkaNode());
        every.add(Instance.first(Component.MAIL));
        every.addAll(everyServiceInstance());
        List<String> running = every.stream().filter(i -> process(i).running().isPresent()).map(Instance::name).toList();
        if (!running.isEmpty()) {
            throw new StackException("Not wiping while " + String.join(", ", running) + " still run");
        }
        deleteRecursively(config.runDir());
    }

    public ProcessStatus status(Component component) {
        return status(Instance.first(component));
    }

    public ProcessStatus status(Instance instance) {
        Component component = instance.component();
        ManagedProcess process = process(instance);
        var pid = process.pid();
        ProcessStatus.Health health;
        if (pid.isEmpty()) {
            health = ProcessStatus.Health.STOPPED;
        } else if (component == Component.KAFKA) {
            health = brokerAnswers(config.port(instance)) ? ProcessStatus.Health.UP : ProcessStatus.Health.NO_ANSWER;
        } else {
            HealthProbe.Health answer = component == Component.MAIL
                    ? probe.check(config.mailApiPort(), MAIL_READINESS) : probe.check(config.port(instance));
            health = switch (answer) {
                case UP -> ProcessStatus.Health.UP;
                case DOWN -> ProcessStatus.Health.STARTING;
                case NO_ANSWER -> ProcessStatus.Health.NO_ANSWER;
            };
        }
        return new ProcessStatus(instance, pid, config.port(instance), health, process.uptime(),
                process.residentBytes());
    }

    /** Status of every process of this stack (each instance of each service), in start order. */
    public List<ProcessStatus> status() {
        return config.processes().stream().map(this::status).toList();
    }

    /** Lag per consumer group; throws when the broker does not answer. */
    public List<ConsumerLag.GroupLag> consumerLag() {
        try (Admin admin = KafkaBroker.admin(config.bootstrapServers())) {
            return ConsumerLag.of(admin);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StackException("Kafka at " + config.bootstrapServers() + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }

    /**
     * Lag and members of every consumer group; throws when the broker does not answer. A group the Admin API cannot
     * describe as a consumer group (another group type) is listed without members.
     */
    public List<GroupStatus> consumerGroups() {
        try (Admin admin = KafkaBroker.admin(config.bootstrapServers())) {
            List<ConsumerLag.GroupLag> lags = ConsumerLag.of(admin);
            Map<String, org.apache.kafka.common.KafkaFuture<org.apache.kafka.clients.admin.ConsumerGroupDescription>>
                    described = lags.isEmpty() ? Map.of()
                    : admin.describeConsumerGroups(lags.stream().map(ConsumerLag.GroupLag::group).toList()).describedGroups();
            List<GroupStatus> groups = new ArrayList<>();
            for (ConsumerLag.GroupLag lag : lags) {
                List<GroupStatus.Member> members = new ArrayList<>();
                try {
                    for (var member : described.get(lag.group()).get(5, TimeUnit.SECONDS).members()) {
                        members.add(new GroupStatus.Member(member.clientId(), member.host(),
                                member.assignment().topicPartitions().size()));
                    }
                } catch (ExecutionException notAConsumerGroup) {
                    // listed with its lag, without members
                }
                members.sort(java.util.Comparator.comparing(GroupStatus.Member::clientId));
                groups.add(new GroupStatus(lag, members));
            }
            return groups;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StackException("Kafka at " + config.bootstrapServers() + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }

    /** The node on {@code port} itself answers (not just some node of the cluster). */
    private boolean brokerAnswers(int port) {
        try (Admin admin = KafkaBroker.admin("localhost:" + port)) {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }
}
