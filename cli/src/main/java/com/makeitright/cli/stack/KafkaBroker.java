package com.makeitright.cli.stack;

import com.makeitright.cli.stack.KafkaClientSettings;
import com.makeitright.contract.TopicLayout;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A real Kafka node in KRaft mode (broker and controller in one process) as its own JVM, run from Kafka's server jar
 * on the given classpath: a single-node broker, or one node of a local cluster ({@code up --brokers 3}: every node
 * a voter of the quorum, one cluster id). Its configuration and data live in one directory, so a stopped node
 * restarts with every topic and record it had.
 */
public final class KafkaBroker {

    /** Kept small: one node, a handful of consumer groups and transactional producers. */
    private static final int INTERNAL_TOPIC_PARTITIONS = 12;

    private final Path dir;
    private final int nodeId;
    private final int port;
    private final int controllerPort;
    private final String quorumVoters;
    private final short replicationFactor;
    /** The cluster id every node is formatted with, written by the first node formatted; with the cluster size. */
    private final Path clusterFile;
    private final List<String> javaOpts;
    private final String classpath;
    private final ManagedProcess process;
    /** Class data sharing for the broker's JVM ({@code up}'s broker); null: none (tests' brokers). */
    private final AppCds cds;

    /** A single-node broker: node 1, the only voter, replication factor 1. */
    public KafkaBroker(Path dir, int port, int controllerPort, List<String> javaOpts, String classpath,
                       ManagedProcess process) {
        this(dir, 1, port, controllerPort, "1@127.0.0.1:" + controllerPort, (short) 1,
                dir.resolve("cluster.properties"), javaOpts, classpath, process, null);
    }

    /**
     * One node of a cluster: {@code quorumVoters} lists every node ({@code 1@127.0.0.1:9093,...}); the internal
     * topics (offsets, transactions) get {@code replicationFactor} replicas and its {@code min.insync.replicas}.
     */
    public KafkaBroker(Path dir, int nodeId, int port, int controllerPort, String quorumVoters, short replicationFactor,
                       Path clusterFile, List<String> javaOpts, String classpath, ManagedProcess process, AppCds cds) {
        this.dir = dir.toAbsolutePath();
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPort = controllerPort;
        this.quorumVoters = quorumVoters;
        this.replicationFactor = replicationFactor;
        this.clusterFile = clusterFile.toAbsolutePath();
        this.javaOpts = List.copyOf(javaOpts);
        this.classpath = classpath;
        this.process = process;
        this.cds = cds;
    }

    /** The broker of a local stack: data under {@code <run dir>/kafka}, pid file and log like the services. */
    public static KafkaBroker of(StackConfig config) {
        Instance node = Instance.first(Component.KAFKA);
        return of(config, node, new ManagedProcess(node.name(), config.pidFile(node), config.logFile(node)));
    }

    /**
     * Node {@code node} of the local stack's broker or cluster: data under {@code <run dir>/kafka} (node 1) or
     * {@code <run dir>/kafka-n}, its ports the first node's + 100 × (n − 1), the cluster id in node 1's directory.
     */
    public static KafkaBroker of(StackConfig config, Instance node, ManagedProcess process) {
        return of(config, node, process, null);
    }

    /** As above, with the stack's class archives ({@code up}'s brokers). */
    static KafkaBroker of(StackConfig config, Instance node, ManagedProcess process, AppCds cds) {
        return new KafkaBroker(config.kafkaDir(node), node.number(), config.port(node), config.controllerPort(node),
                config.quorumVoters(), config.replicationFactor(), config.kafkaDir().resolve("cluster.properties"),
                config.kafkaJavaOpts(), config.brokerClasspath(), process, cds);
    }

    public int nodeId() {
        return nodeId;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    /** Writes the configuration, formats the storage on first use, starts the broker (does not wait). */
    public ProcessHandle start() {
        writeConfig();
        if (!Files.isRegularFile(dataDir().resolve("meta.properties"))) {
            format();
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(javaOpts);
        if (cds != null) {
            // an archive of its classes, as the services have (AppCds): 9.5 -> 8.6 CPU s to start (BENCHMARKS.md)
            command.addAll(cds.forClassPath(nodeId == 1 ? Component.KAFKA.shortName() : Component.KAFKA.shortName() + "-" + nodeId,
                    classpath)); // one archive per node: the nodes start at once
        }
        command.add("-Dlogback.configurationFile=kafka-broker-logback.xml");
        command.add("-cp");
        command.add(classpath);
        command.add("kafka.Kafka");
        command.add(configFile().toString());
        return process.start(command, Map.of(), dir);
    }

    /**
     * Waits until the node answers the Admin API and counts itself among the cluster's brokers (a node of a cluster
     * answers only once the quorum elected a controller); fails early when its process died.
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (process.running().isEmpty()) {
                // the log's last lines in the message: a test's log goes with its temporary directory
                throw new StackException("Kafka exited while starting; see " + process.logFile() + ":\n  "
                        + String.join("\n  ", process.failureExcerpt(8)));
            }
            try (Admin admin = admin(bootstrapServers())) {
                if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream()
                        .anyMatch(node -> node.id() == nodeId)) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for Kafka", e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
        }
        throw new StackException("Kafka did not answer within " + timeout.toSeconds() + " s"
                + (last == null ? "" : " (" + last.getMessage() + ")") + "; see " + process.logFile());
    }

    /** Creates the topics that do not exist yet; retries while the fresh broker is still registering. */
    public static void createTopics(String bootstrapServers, Collection<NewTopic> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin(bootstrapServers)) {
            while (true) {
                List<NewTopic> missing = new ArrayList<>();
                try {
                    var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                    topics.stream().filter(t -> !existing.contains(t.name())).forEach(missing::add);
                    if (missing.isEmpty()) {
                        return;
                    }
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        continue; // someone else (a service) created one meanwhile: list again
                    }
                    if (System.nanoTime() > deadline) {
                        throw new StackException("Cannot create topics: " + e.getCause().getMessage(), e);
                    }
                } catch (TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new StackException("Cannot create topics: Kafka did not answer", e);
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while creating topics", e);
        }
    }

    /** An Admin client that gives up quickly, for commands that must not hang on a stopped broker. */
    public static Admin admin(String bootstrapServers) {
        Properties props = KafkaClientSettings.forBootstrap(bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "complaints-cli");
        return Admin.create(props);
    }

    Path configFile() {
        return dir.resolve("server.properties");
    }

    /** Rewritten on every start, so changed ports apply; the data directory is untouched. */
    void writeConfig() {
        String minIsr = String.valueOf(TopicLayout.minInSyncReplicas(replicationFactor));
        String config = String.join("\n",
                "# Written by ./complaints on every start: a KRaft node (broker and controller) of the local stack.",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + quorumVoters,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir(),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                // a topic created without settings (a tool's) gets the cluster's durability too
                "default.replication.factor=" + replicationFactor,
                "min.insync.replicas=" + minIsr,
                "offsets.topic.replication.factor=" + replicationFactor,
                "offsets.topic.num.partitions=" + INTERNAL_TOPIC_PARTITIONS,
                "transaction.state.log.replication.factor=" + replicationFactor,
                "transaction.state.log.min.isr=" + minIsr,
                "transaction.state.log.num.partitions=" + INTERNAL_TOPIC_PARTITIONS,
                "share.coordinator.state.topic.replication.factor=" + replicationFactor,
                "share.coordinator.state.topic.min.isr=" + minIsr,
                // never elect a replica that missed writes: a lost acknowledged record is worse than a wait
                "unclean.leader.election.enable=false",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=-1",
                "")
                ;
        try {
            Files.createDirectories(dir);
            Files.writeString(configFile(), config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + configFile(), e);
        }
    }

    private void format() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx256m");
        command.add("-Dlogback.configurationFile=kafka-broker-logback.xml");
        command.add("-cp");
        command.add(classpath);
        command.add("kafka.tools.StorageTool");
        command.addAll(List.of("format", "-t", clusterId(), "-c", configFile().toString()));
        try {
            Files.createDirectories(process.logFile().getParent());
            Process format = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(process.logFile().toFile())).start();
            if (!format.waitFor(2, TimeUnit.MINUTES)) {
                format.destroyForcibly();
                throw new StackException("Formatting Kafka's storage took more than 2 minutes");
            }
            if (format.exitValue() != 0) {
                throw new StackException("Formatting Kafka's storage failed (exit " + format.exitValue() + "): "
                        + String.join("\n", process.logTail(15)));
            }
        } catch (IOException e) {
            throw new StackException("Cannot format Kafka's storage: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while formatting Kafka's storage", e);
        }
    }

    /**
     * The cluster id of the local stack's Kafka, made by the first node formatted and kept beside the cluster's size:
     * every node of a cluster must be formatted with the same id, and data formatted for one node cannot join a
     * three-node quorum (nor the other way round), so a changed {@code --brokers} is refused with the way out.
     */
    private String clusterId() {
        synchronized (KafkaBroker.class) { // the nodes of a cluster are formatted in parallel: one id for all
            return readOrMakeClusterId();
        }
    }

    private String readOrMakeClusterId() {
        int nodes = quorumVoters.split(",").length;
        Properties cluster = new Properties();
        try {
            if (Files.isRegularFile(clusterFile)) {
                try (var in = Files.newBufferedReader(clusterFile)) {
                    cluster.load(in);
                }
                int formattedFor = Integer.parseInt(cluster.getProperty("nodes", "1"));
                if (formattedFor != nodes) {
                    throw new StackException("Kafka's data in " + clusterFile.getParent() + " was formatted for "
                            + formattedFor + " node" + (formattedFor == 1 ? "" : "s") + ", not " + nodes
                            + "; use another run directory (--run-dir, COMPLAINTS_RUN_DIR) or delete this one"
                            + " (./complaints down --wipe)");
                }
                return cluster.getProperty("cluster.id");
            }
            if (nodes > 1 && Files.isRegularFile(clusterFile.resolveSibling("data").resolve("meta.properties"))) {
                throw new StackException("Kafka's data in " + clusterFile.getParent() + " was formatted for a single"
                        + " broker; use another run directory (--run-dir, COMPLAINTS_RUN_DIR) for " + nodes
                        + " nodes or delete this one (./complaints down --wipe)");
            }
            cluster.setProperty("cluster.id", Uuid.randomUuid().toString());
            cluster.setProperty("nodes", String.valueOf(nodes));
            Files.createDirectories(clusterFile.getParent());
            try (var out = Files.newBufferedWriter(clusterFile)) {
                cluster.store(out, "Written by ./complaints when Kafka's first node was formatted");
            }
            return cluster.getProperty("cluster.id");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + clusterFile, e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
