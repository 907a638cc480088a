package com.makeitright.cli.stack;

import com.makeitright.events.RemedyKind;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the local stack keeps its files, which ports it uses and how its processes are started. Built from
 * defaults, overridden by the {@code stack.properties} the last {@code up} saved, by the environment, and
 * by explicit settings (command-line flags or a test), in that order.
 */
public final class StackConfig {

    /** Environment variable: the directory of pid files, logs, broker data and service state. */
    public static final String RUN_DIR_VARIABLE = "COMPLAINTS_RUN_DIR";
    public static final String CONTROLLER_PORT_VARIABLE = "KAFKA_CONTROLLER_PORT";
    /** The HTTP port of the mail server's REST API, which {@code ./complaints mail} and the health check read. */
    public static final String MAIL_API_PORT_VARIABLE = "MAIL_API_PORT";
    /** When set, no broker is started: the services and commands use this one. */
    public static final String BOOTSTRAP_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String SERVICE_JAVA_OPTS_VARIABLE = "SERVICE_JAVA_OPTS";
    public static final String KAFKA_JAVA_OPTS_VARIABLE = "KAFKA_JAVA_OPTS";
    public static final String START_TIMEOUT_VARIABLE = "COMPLAINTS_START_TIMEOUT";
    public static final String PARTITIONS_VARIABLE = "MAKEITRIGHT_KAFKA_TOPICS_PARTITIONS";
    /** How many instances of each service {@code up} runs (one consumer group each, see {@link Instance}). */
    public static final String INSTANCES_VARIABLE = "COMPLAINTS_INSTANCES";
    /** How many Kafka nodes {@code up} runs: 1, or 3 for a cluster with replication factor 3 ({@code up --brokers 3}). */
    public static final String BROKERS_VARIABLE = "COMPLAINTS_BROKERS";
    /** The services' replication factor of every topic, changelog and repartition topic (platform's setting). */
    public static final String REPLICATION_FACTOR_VARIABLE = "MAKEITRIGHT_KAFKA_TOPICS_REPLICATION_FACTOR";
    /** What intake's instances ask each other with when a read has no credential of its own (a viewer key). */
    static final String INTAKE_PEER_ROLE = "viewer";

    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_MAIL_API_PORT = 8025;
    /**
     * The mail server keeps every message in its heap until it stops: 128 MB holds some ten thousand of the
     * worker's mails (~5 KB each); C1 only and one GC thread, as it does next to nothing but start fast.
     */
    public static final String MAIL_JAVA_OPTS = "-Xms16m -Xmx128m -XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1"
            + " -XX:+ExitOnOutOfMemoryError";
    /** Both the intake (which checks the customer links) and the worker (which signs them) need the same key. */
    public static final String CUSTOMER_LINK_KEY_VARIABLE = "CUSTOMER_LINK_KEY";
    /**
     * Every JVM memory pool of a service bounded, so its RSS stays under 300 MB under load (docs/local-stack.md,
     * "JVM settings", gives the measurements behind each): heap 192 MB (live data stays far below; Serial GC,
     * one collector thread, no per-region overhead, the right collector for a small heap on 2 cores), metaspace
     * 160 MB (Spring Boot and Kafka Streams load ~80 MB of class metadata), code cache 96 MB reserved (only what
     * is compiled is resident; a full cache would stop the JIT), direct buffers 64 MB (Netty's pool, Kafka's
     * network buffers), 512 KB thread stacks. No flushing of cold compiled code: with it the JIT never settled
     * (intake compiled ~4 methods a second half an hour after its start, its C2 thread taking 5x its stream
     * thread's CPU, the code cache at half its peak: BENCHMARKS.md, "Whole system: CPU per complaint"); the
     * 96 MB reserve holds twice the peak measured. The JIT compiles a method once it ran four times as often as by
     * default: half of a service's start-up CPU was the C2 compiler working on code that runs only while Spring
     * starts; what stays hot is still compiled by C2 (BENCHMARKS.md, "Start-up and the JIT"). The Dockerfile uses
     * the same string (ComposeFileTest checks it).
     */
    public static final String DEFAULT_SERVICE_JAVA_OPTS = "-Xms32m -Xmx192m -XX:+UseSerialGC -Xss512k"
            + " -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=96m -XX:-UseCodeCacheFlushing"
            + " -XX:CompileThresholdScaling=4 -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError";
    /**
     * glibc gives each thread that allocates its own malloc arena (up to 8 per core, 64 MB each at worst): with
     * RocksDB and some 40 JVM threads per service that is resident memory nobody uses. Two arenas bound it.
     */
    public static final Map<String, String> SERVICE_NATIVE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");
    public static final String DEFAULT_KAFKA_JAVA_OPTS = "-Xms256m -Xmx512m -XX:+UseSerialGC -Xss512k"
            + " -XX:+ExitOnOutOfMemoryError";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);

    /**
     * The local stack is for trying things and fault drills: the services' waits are seconds, not days, so a
     * simulation sees cases close. Each is passed to every service unless the environment already sets it.
     */
    public static final Map<String, String> LOCAL_DELAYS = localDelays();

    static final String SAVED_FILE = "stack.properties";

    private final Path projectDir;
    private final Path runDir;
    private final Map<Component, Integer> ports;
    private final int controllerPort;
    private final int mailApiPort;
    private final String externalBootstrap;
    private final List<String> serviceJavaOpts;
    private final List<String> kafkaJavaOpts;
    private final Duration startTimeout;
    private final int partitions;
    private final int instances;
    private final int brokers;
    private final Map<Component, Map<String, String>> serviceEnvironment;
    private final String brokerClasspath;

    private StackConfig(Builder builder) {
        this.projectDir = builder.projectDir.toAbsolutePath().normalize();
        this.runDir = (builder.runDir != null ? builder.runDir : projectDir.resolve(".run")).toAbsolutePath().normalize();
        this.ports = Collections.unmodifiableMap(new EnumMap<>(builder.ports));
        this.controllerPort = builder.controllerPort;
        this.mailApiPort = builder.mailApiPort;
        this.externalBootstrap = builder.externalBootstrap;
        this.serviceJavaOpts = List.copyOf(builder.serviceJavaOpts);
        this.kafkaJavaOpts = List.copyOf(builder.kafkaJavaOpts);
        this.startTimeout = builder.startTimeout;
        this.partitions = builder.partitions;
        this.instances = builder.instances;
        this.brokers = builder.brokers;
        Map<Component, Map<String, String>> env = new EnumMap<>(Component.class);
        builder.serviceEnvironment.forEach((c, vars) -> env.put(c, Map.copyOf(vars)));
        this.serviceEnvironment = Collections.unmodifiableMap(env);
        this.brokerClasspath = builder.brokerClasspath != null ? builder.brokerClasspath
                : System.getProperty("java.class.path");
    }

    public static Builder builder(Path projectDir) {
        return new Builder(projectDir);
    }

    /**
     * Defaults, then what the last {@code up} saved in the run directory, then the environment. Flags are
     * applied by the caller on the returned builder.
     */
    public static Builder fromEnvironment(Path projectDir, Map<String, String> env) {
        Builder builder = new Builder(projectDir);
        String runDir = env.get(RUN_DIR_VARIABLE);
        if (notBlank(runDir)) {
            builder.runDir(Path.of(runDir));
        }
        builder.applySaved(builder.effectiveRunDir().resolve(SAVED_FILE));
        for (Component component : Component.values()) {
            String port = env.get(component.portVariable());
            if (notBlank(port)) {
                builder.port(component, parsePort(component.portVariable(), port));
            }
        }
        if (notBlank(env.get(CONTROLLER_PORT_VARIABLE))) {
            builder.controllerPort(parsePort(CONTROLLER_PORT_VARIABLE, env.get(CONTROLLER_PORT_VARIABLE)));
        }
        if (notBlank(env.get(MAIL_API_PORT_VARIABLE))) {
            builder.mailApiPort(parsePort(MAIL_API_PORT_VARIABLE, env.get(MAIL_API_PORT_VARIABLE)));
        }
        if (notBlank(env.get(BOOTSTRAP_VARIABLE))) {
            builder.externalBootstrap(env.get(BOOTSTRAP_VARIABLE));
        }
        if (notBlank(env.get(SERVICE_JAVA_OPTS_VARIABLE))) {
            builder.serviceJavaOpts(env.get(SERVICE_JAVA_OPTS_VARIABLE));
        }
        if (notBlank(env.get(KAFKA_JAVA_OPTS_VARIABLE))) {
            builder.kafkaJavaOpts(env.get(KAFKA_JAVA_OPTS_VARIABLE));
        }
        if (notBlank(env.get(START_TIMEOUT_VARIABLE))) {
            builder.startTimeout(Duration.parse(env.get(START_TIMEOUT_VARIABLE)));
        }
        if (notBlank(env.get(PARTITIONS_VARIABLE))) {
            builder.partitions(Integer.parseInt(env.get(PARTITIONS_VARIABLE).trim()));
        }
        if (notBlank(env.get(INSTANCES_VARIABLE))) {
            builder.instances(parseInstances(INSTANCES_VARIABLE, env.get(INSTANCES_VARIABLE)));
        }
        if (notBlank(env.get(BROKERS_VARIABLE))) {
            builder.brokers(parseBrokers(BROKERS_VARIABLE, env.get(BROKERS_VARIABLE)));
        }
        return builder;
    }

    public Path projectDir() {
        return projectDir;
    }

    public Path runDir() {
        return runDir;
    }

    /** The port of the component's first instance (the broker's and the mail server's only one). */
    public int port(Component component) {
        return ports.get(component);
    }

    /** The first instance's port plus {@link Instance#PORT_STEP} for each instance after it. */
    public int port(Instance instance) {
        return port(instance.component()) + (instance.number() - 1) * Instance.PORT_STEP;
    }

    /** How many instances of each service this stack runs (1 unless {@code --instances}). */
    public int instances() {
        return instances;
    }

    /** How many Kafka nodes this stack runs (1 unless {@code --brokers 3}; none of its own with an external broker). */
    public int brokers() {
        return brokers;
    }

    /**
     * Replicas of every topic: one per node up to 3 (one node: 1; the three-node cluster: 3, with
     * {@code min.insync.replicas=2}, so that one node may be lost without losing a write or refusing one).
     */
    public short replicationFactor() {
        return (short) Math.min(3, runsOwnBroker() ? brokers : 1);
    }

    /**
     * Every instance of {@code component} this stack runs: the mail server has one, the broker one per node
     * ({@code kafka}, {@code kafka-2}, {@code kafka-3}).
     */
    public List<Instance> instancesOf(Component component) {
        int count = component.isService() ? instances : component == Component.KAFKA ? brokers : 1;
        List<Instance> all = new ArrayList<>(count);
        for (int number = 1; number <= count; number++) {
            all.add(new Instance(component, number));
        }
        return all;
    }

    /** Every process of this stack in start order: broker, mail server, then each service's instances. */
    public List<Instance> processes() {
        return components().stream().flatMap(component -> instancesOf(component).stream()).toList();
    }

    /** Refuses an instance beyond {@link #instances()}: {@code start intake-3} on a stack of two. */
    public Instance check(Instance instance) {
        if (instance.component() == Component.KAFKA && instance.number() > brokers) {
            throw new StackException(instance.name() + ": this stack runs " + brokers + " Kafka node"
                    + (brokers == 1 ? "" : "s") + " (up --brokers 3, saved in " + runDir.resolve(SAVED_FILE) + ")");
        }
        if (instance.number() > instancesOf(instance.component()).size()) {
            throw new StackException(instance.name() + ": this stack runs " + instances + " instance"
                    + (instances == 1 ? "" : "s") + " of each service (up --instances N, saved in "
                    + runDir.resolve(SAVED_FILE) + ")");
        }
        return instance;
    }

    /**
     * Ports that two parts of the stack would both listen on (an instance's port landing on another service's, the
     * broker's or the mail server's): {@code up} refuses them, naming both.
     */
    public List<String> portClashes() {
        Map<Integer, String> owners = new LinkedHashMap<>();
        List<String> clashes = new ArrayList<>();
        java.util.function.BiConsumer<Integer, String> claim = (port, what) -> {
            String earlier = owners.putIfAbsent(port, what);
            if (earlier != null) {
                clashes.add("port " + port + " would be both " + earlier + "'s and " + what + "'s; choose other ports"
                        + (instances > 1 ? " (instance n of a service listens on its port + " + Instance.PORT_STEP
                        + " × (n - 1))" : ""));
            }
        };
        for (Instance process : processes()) {
            claim.accept(port(process), process.name());
        }
        if (runsOwnBroker()) {
            for (Instance node : instancesOf(Component.KAFKA)) {
                claim.accept(controllerPort(node), node.name() + "'s controller");
            }
        }
        claim.accept(mailApiPort, "the mail REST API");
        return clashes;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** Node n's KRaft controller listener: the first node's + {@link Instance#PORT_STEP} × (n - 1), as its broker port. */
    public int controllerPort(Instance node) {
        return controllerPort + (node.number() - 1) * Instance.PORT_STEP;
    }

    /** {@code 1@127.0.0.1:9093,2@127.0.0.1:9193,...}: the KRaft quorum, every node broker and controller. */
    public String quorumVoters() {
        return String.join(",", instancesOf(Component.KAFKA).stream()
                .map(node -> node.number() + "@127.0.0.1:" + controllerPort(node)).toList());
    }

    public int mailApiPort() {
        return mailApiPort;
    }

    /** The broker the services and commands use: the local one, or the external one when configured. */
    public String bootstrapServers() {
        return externalBootstrap != null ? externalBootstrap : String.join(",", instancesOf(Component.KAFKA).stream()
                .map(node -> "localhost:" + port(node)).toList());
    }

    /** True when the stack starts its own broker (no external {@code KAFKA_BOOTSTRAP_SERVERS}). */
    public boolean runsOwnBroker() {
        return externalBootstrap == null;
    }

    /** The components this stack runs as processes, in start order. */
    public List<Component> components() {
        List<Component> all = new ArrayList<>();
        if (runsOwnBroker()) {
            all.add(Component.KAFKA);
        }
        all.add(Component.MAIL);
        all.addAll(Component.SERVICES);
        return all;
    }

    public List<String> serviceJavaOpts() {
        return serviceJavaOpts;
    }

    public List<String> kafkaJavaOpts() {
        return kafkaJavaOpts;
    }

    public Duration startTimeout() {
        return startTimeout;
    }

    public int partitions() {
        return partitions;
    }

    /** Classpath that holds {@code kafka.Kafka} (the cli's own, by default). */
    public String brokerClasspath() {
        return brokerClasspath;
    }

    public Path logsDir() {
        return runDir.resolve("logs");
    }

    public Path logFile(Component component) {
        return logFile(Instance.first(component));
    }

    /** {@code logs/intake.log}, {@code logs/intake-2.log}. */
    public Path logFile(Instance instance) {
        return logsDir().resolve(instance.name() + ".log");
    }

    public Path pidFile(Component component) {
        return pidFile(Instance.first(component));
    }

    public Path pidFile(Instance instance) {
        return runDir.resolve("pids").resolve(instance.name() + ".pid");
    }

    public Path stateDir(Component service) {
        return stateDir(Instance.first(service));
    }

    /**
     * {@code state/intake-service}, {@code state/intake-service-2}: Kafka Streams locks its state directory and keeps
     * its process id there, so each instance has its own.
     */
    public Path stateDir(Instance instance) {
        String module = instance.component().module().orElseThrow();
        return runDir.resolve("state").resolve(instance.isFirst() ? module : module + "-" + instance.number());
    }

    public Path kafkaDir() {
        return runDir.resolve("kafka");
    }

    /** {@code kafka} for the first node (where a single broker always kept its data), {@code kafka-2} for the second. */
    public Path kafkaDir(Instance node) {
        return runDir.resolve(node.name());
    }

    /** GreenMail standalone's jar, copied there by the cli module's build (its pom). */
    public Path mailServerJar() {
        return projectDir.resolve("cli").resolve("target").resolve("greenmail").resolve("greenmail-standalone.jar");
    }

    /** Where {@code ./complaints mail} and the health check find the mail server's REST API. */
    public String mailApiUrl() {
        return "http://127.0.0.1:" + mailApiPort;
    }

    /**
     * GreenMail standalone's settings: SMTP and its REST API on the loopback interface only (it takes mail from
     * anyone and shows it to anyone), no authentication (the worker sends without credentials, and the REST API
     * lists every recipient's mailbox).
     */
    public List<String> mailServerProperties() {
        return List.of("-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + port(Component.MAIL),
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + mailApiPort,
                "-Dgreenmail.auth.disabled", "-Dlog4j2.configurationFile=" + mailServerLogConfig());
    }

    /** Written before the mail server starts: its logging, without the addresses it would log (below). */
    public Path mailServerLogConfig() {
        return runDir.resolve("config").resolve("mail-server-log4j2.xml");
    }

    /**
     * GreenMail's own configuration logs every recipient at INFO as it makes their mailbox ("Created user login
     * dana@…"): personal data in a log (issue #12). Warnings only, but its start-up lines stay.
     */
    public static String mailServerLogConfigContent() {
        return String.join("\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<!-- Written by ./complaints before the mail server starts: no recipient addresses in its log. -->",
                "<Configuration>",
                "  <Appenders>",
                "    <Console name=\"CONSOLE\" target=\"SYSTEM_OUT\">",
                "      <PatternLayout pattern=\"%d %-5.5p %25.25c{2}| %m%n\"/>",
                "    </Console>",
                "  </Appenders>",
                "  <Loggers>",
                "    <Root level=\"warn\">",
                "      <AppenderRef ref=\"CONSOLE\"/>",
                "    </Root>",
                "    <Logger name=\"com.icegreen.greenmail.standalone\" level=\"info\"/>",
                "    <Logger name=\"org.glassfish.jersey\" level=\"error\"/>",
                "  </Loggers>",
                "</Configuration>",
                "");
    }

    /**
     * The environment a service starts with (on top of the inherited one): broker, port, state directory, the
     * local delays unless {@code inherited} sets them, then any extra variables given for the service.
     */
    public Map<String, String> serviceEnvironment(Component service, Map<String, String> inherited) {
        return serviceEnvironment(Instance.first(service), inherited);
    }

    /**
     * The environment of one instance of a service: its own port and state directory; intake's instances also say
     * where the others reach them (Kafka Streams' {@code application.server}, so any instance answers any read).
     */
    public Map<String, String> serviceEnvironment(Instance instance, Map<String, String> inherited) {
        Component service = instance.component();
        Map<String, String> env = new LinkedHashMap<>();
        env.put(BOOTSTRAP_VARIABLE, bootstrapServers());
        env.put("SERVER_PORT", String.valueOf(port(instance)));
        env.put("STATE_DIR", stateDir(instance).toString());
        if (service == Component.INTAKE) {
            // Set with one instance too: an instance started later (up --instances 2) then finds the first one.
            env.put("INTAKE_ADVERTISED_URL", "http://localhost:" + port(instance));
        }
        if (service == Component.FOLLOWUP || service == Component.REMEDY) {
            // platform's instances: insights and the ledger gathered from every instance (application.server)
            env.put("INSTANCE_ADVERTISED_URL", "http://localhost:" + port(instance));
        }
        env.put(Credentials.SERVICE_VARIABLE, runDir.resolve("credentials").toString());
        SERVICE_NATIVE_ENVIRONMENT.forEach((name, value) -> {
            if (!notBlank(inherited.get(name))) {
                env.put(name, value);
            }
        });
        if (partitions > 0) {
            env.put(PARTITIONS_VARIABLE, String.valueOf(partitions));
        }
        if (replicationFactor() > 1) {
            // platform's setting: every topic the service creates, its changelogs and repartition topics too
            env.put(REPLICATION_FACTOR_VARIABLE, String.valueOf(replicationFactor()));
        }
        LOCAL_DELAYS.forEach((name, value) -> {
            if (!notBlank(inherited.get(name))) {
                env.put(name, value);
            }
        });
        if (service == Component.WORKER) {
            // The local stack's worker mails the local mail server, with links that land on the local intake.
            env.put("MAIL_HOST", "127.0.0.1");
            env.put("MAIL_PORT", String.valueOf(port(Component.MAIL)));
            env.put("CUSTOMER_LINK_BASE_URL", "http://localhost:" + port(Component.INTAKE));
        }
        if (service == Component.REMEDY) {
            // Map keys such as REFUND_FULL cannot be spelled as environment variables: a config file it is, below
            // the environment in Spring's order, so REMEDY_POLICY_... variables still win.
            String location = "optional:file:" + remedyLocalConfig();
            String inheritedLocation = inherited.get("SPRING_CONFIG_ADDITIONAL_LOCATION");
            env.put("SPRING_CONFIG_ADDITIONAL_LOCATION", notBlank(inheritedLocation) ? inheritedLocation + "," + location
                    : location);
        }
        env.putAll(serviceEnvironment.getOrDefault(service, Map.of()));
        return env;
    }

    /** Where the local stack's promise times for remedy-service are written before it starts. */
    public Path remedyLocalConfig() {
        return runDir.resolve("config").resolve("remedy-local-stack.yml");
    }

    /** Every remedy kind promised within {@code promise} (remedy's {@code deliver-within}), as YAML. */
    public static String remedyLocalConfigContent(String promise) {
        StringBuilder yaml = new StringBuilder("# Written by ./complaints on every start of remedy-service: the local"
                + " stack's promised delivery\n# times (COMPLAINTS_PROMISE, default " + DEFAULT_PROMISE
                + "); production keeps remedy's own days.\nremedy:\n  policy:\n    deliver-within:\n");
        for (RemedyKind kind : RemedyKind.values()) {
            yaml.append("      \"[").append(kind.name()).append("]\": ").append(promise).append('\n');
        }
        return yaml.toString();
    }

    /** Remembers ports and broker so that later commands ({@code status}, {@code start}) find this stack. */
    public void save() {
        Properties saved = new Properties();
        ports.forEach((component, port) -> saved.setProperty("port." + component.shortName(), String.valueOf(port)));
        saved.setProperty("port.controller", String.valueOf(controllerPort));
        saved.setProperty("port.mail-api", String.valueOf(mailApiPort));
        if (externalBootstrap != null) {
            saved.setProperty("bootstrap.servers", externalBootstrap);
        }
        saved.setProperty("instances", String.valueOf(instances));
        saved.setProperty("brokers", String.valueOf(brokers));
        try {
            Files.createDirectories(runDir);
            try (Writer out = Files.newBufferedWriter(runDir.resolve(SAVED_FILE))) {
                saved.store(out, "Written by ./complaints up; flags and environment variables override it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + runDir.resolve(SAVED_FILE), e);
        }
    }

    /** Environment variable: promised delivery time of every remedy kind on the local stack. */
    public static final String PROMISE_VARIABLE = "COMPLAINTS_PROMISE";
    public static final String DEFAULT_PROMISE = "PT30S";

    private static Map<String, String> localDelays() {
        Map<String, String> delays = new LinkedHashMap<>();
        delays.put("FOLLOWUP_DELAY", "PT5S");
        // a silent customer's reminder before the offer expires (PT1M below); an unanswered check closed in minutes
        delays.put("FOLLOWUP_OFFER_REMINDER", "PT30S");
        delays.put("FOLLOWUP_SATISFACTION_WINDOW", "PT2M");
        // remedy-service (its README): offers expire, approvals fall due, promises are checked within a minute.
        delays.put("REMEDY_POLICY_NEGOTIATION_OFFER_EXPIRY", "PT1M");
        delays.put("REMEDY_POLICY_NEGOTIATION_APPROVAL_TIMEOUT", "PT30S");
        delays.put("REMEDY_POLICY_NEGOTIATION_EXPIRY_CHECK_INTERVAL", "PT5S");
        return Collections.unmodifiableMap(delays);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    static int parsePort(String name, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(name + " must be a port number (1-65535), was '" + value + "'");
        }
    }

    static int parseInstances(String name, String value) {
        try {
            int count = Integer.parseInt(value.trim());
            if (count < 1 || count > Instance.MAX) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new StackException(name + " must be a number of instances from 1 to " + Instance.MAX + ", was '"
                    + value + "'");
        }
    }

    static int parseBrokers(String name, String value) {
        String trimmed = value.trim();
        if (!"1".equals(trimmed) && !String.valueOf(Instance.MAX_BROKERS).equals(trimmed)) {
            throw new StackException(name + " must be 1 (one broker) or " + Instance.MAX_BROKERS
                    + " (a cluster with replication factor 3), was '" + value + "'");
        }
        return Integer.parseInt(trimmed);
    }

    private static List<String> split(String opts) {
        return Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /** Settings in order of precedence: the last call wins. */
    public static final class Builder {
        private final Path projectDir;
        private Path runDir;
        private final Map<Component, Integer> ports = new EnumMap<>(Component.class);
        private int controllerPort = DEFAULT_CONTROLLER_PORT;
        private int mailApiPort = DEFAULT_MAIL_API_PORT;
        private String externalBootstrap;
        private List<String> serviceJavaOpts = split(DEFAULT_SERVICE_JAVA_OPTS);
        private List<String> kafkaJavaOpts = split(DEFAULT_KAFKA_JAVA_OPTS);
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private int partitions = 3;
        private int instances = 1;
        private int brokers = 1;
        private final Map<Component, Map<String, String>> serviceEnvironment = new EnumMap<>(Component.class);
        private String brokerClasspath;

        private Builder(Path projectDir) {
            this.projectDir = projectDir;
            for (Component component : Component.values()) {
                ports.put(component, component.defaultPort());
            }
        }

        Path effectiveRunDir() {
            return runDir != null ? runDir : projectDir.resolve(".run");
        }

        private void applySaved(Path file) {
            if (!Files.isRegularFile(file)) {
                return;
            }
            Properties saved = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                saved.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            for (Component component : Component.values()) {
                Optional.ofNullable(saved.getProperty("port." + component.shortName()))
                        .ifPresent(p -> port(component, parsePort(file + " port." + component.shortName(), p)));
            }
            Optional.ofNullable(saved.getProperty("port.controller"))
                    .ifPresent(p -> controllerPort(parsePort(file + " port.controller", p)));
            Optional.ofNullable(saved.getProperty("port.mail-api"))
                    .ifPresent(p -> mailApiPort(parsePort(file + " port.mail-api", p)));
            Optional.ofNullable(saved.getProperty("bootstrap.servers")).ifPresent(this::externalBootstrap);
            Optional.ofNullable(saved.getProperty("instances"))
                    .ifPresent(n -> instances(parseInstances(file + " instances", n)));
            Optional.ofNullable(saved.getProperty("brokers"))
                    .ifPresent(n -> brokers(parseBrokers(file + " brokers", n)));
        }

        public Builder runDir(Path value) {
            this.runDir = value;
            return this;
        }

        public Builder port(Component component, int port) {
            ports.put(component, port);
            return this;
        }

        public Builder controllerPort(int value) {
            this.controllerPort = value;
            return this;
        }

        public Builder mailApiPort(int value) {
            this.mailApiPort = value;
            return this;
        }

        /** Use this broker instead of starting one ({@code null} or blank: start our own). */
        public Builder externalBootstrap(String value) {
            this.externalBootstrap = value == null || value.isBlank() ? null : value.trim();
            return this;
        }

        public Builder serviceJavaOpts(String value) {
            this.serviceJavaOpts = split(value);
            return this;
        }

        public Builder kafkaJavaOpts(String value) {
            this.kafkaJavaOpts = split(value);
            return this;
        }

        public Builder startTimeout(Duration value) {
            this.startTimeout = value;
            return this;
        }

        public Builder partitions(int value) {
            if (value < 1) {
                throw new StackException("Topic partitions must be at least 1, was " + value);
            }
            this.partitions = value;
            return this;
        }

        /** How many instances of each service (1 to {@link Instance#MAX}). */
        public Builder instances(int value) {
            this.instances = parseInstances("--instances", String.valueOf(value));
            return this;
        }

        /** How many Kafka nodes: 1 or {@link Instance#MAX_BROKERS}. */
        public Builder brokers(int value) {
            this.brokers = parseBrokers("--brokers", String.valueOf(value));
            return this;
        }

        /** An extra environment variable for one service (overrides the stack's own, e.g. a delay). */
        public Builder serviceEnv(Component service, String name, String value) {
            if (!service.isService()) {
                throw new IllegalArgumentException(service + " is not a service");
            }
            serviceEnvironment.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** An extra environment variable for every service. */
        public Builder allServicesEnv(String name, String value) {
            Component.SERVICES.forEach(service -> serviceEnv(service, name, value));
            return this;
        }

        public Builder brokerClasspath(String value) {
            this.brokerClasspath = value;
            return this;
        }

        public StackConfig build() {
            return new StackConfig(this);
        }
    }
}
