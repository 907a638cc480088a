package com.makeitright.testing;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real single-node KRaft broker, in-process, whose only client listener takes SASL/SCRAM-SHA-512: a client without
 * the right user and password cannot produce, consume or administer. The controller and the broker's own
 * inter-broker listener are plaintext on loopback ports no client is told about. The user is written into the
 * cluster's bootstrap metadata when the storage is formatted ({@code kafka-storage format --add-scram}), as an
 * operator would do it, so no unauthenticated door is needed to create it.
 */
public final class ScramKafkaBroker implements AutoCloseable {

    public static final String MECHANISM = "SCRAM-SHA-512";

    private final String user;
    private final String password;
    private final Path dataDir;
    private final int clientPort;
    private final KafkaRaftServer server;

    private ScramKafkaBroker(String user, String password) throws Exception {
        this.user = user;
        this.password = password;
        this.dataDir = Files.createTempDirectory("scram-kafka");
        this.clientPort = freePort();
        int internalPort = freePort();
        int controllerPort = freePort();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "INTERNAL://127.0.0.1:" + internalPort + ",CLIENTS://127.0.0.1:" + clientPort
                + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "INTERNAL://127.0.0.1:" + internalPort + ",CLIENTS://localhost:" + clientPort);
        props.put("listener.security.protocol.map", "INTERNAL:PLAINTEXT,CLIENTS:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "INTERNAL");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("sasl.enabled.mechanisms", MECHANISM);
        props.put("listener.name.clients.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put("log.dirs", dataDir.toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        new Formatter()
                .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setDirectories(List.of(dataDir.toString()))
                .setMetadataLogDirectory(dataDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setScramArguments(List.of(MECHANISM + "=[name=" + user + ",password=" + password + "]"))
                .run();
        this.server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
    }

    /** Formats fresh storage with the one SCRAM user and starts the broker. */
    public static ScramKafkaBroker start(String user, String password) {
        try {
            return new ScramKafkaBroker(user, password);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the SCRAM broker", e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + clientPort;
    }

    /** The client settings of the broker's user: what a service or the CLI is configured with. */
    public Map<String, Object> clientConfig() {
        return clientConfig(user, password);
    }

    /** Client settings for any user and password, e.g. a wrong one, to prove the broker refuses it. */
    public Map<String, Object> clientConfig(String anyUser, String anyPassword) {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaas(anyUser, anyPassword));
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
