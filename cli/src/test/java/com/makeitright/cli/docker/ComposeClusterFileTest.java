package com.makeitright.cli.docker;

import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.Instance;
import com.makeitright.cli.stack.StackConfig;
import com.makeitright.contract.TopicLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static com.makeitright.cli.docker.ComposeFileTest.list;
import static com.makeitright.cli.docker.ComposeFileTest.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker compose -f docker-compose.yml -f docker-compose.cluster.yml up} is {@code ./complaints up --brokers 3
 * --instances 2} on Docker: three KRaft nodes with three replicas and {@code min.insync.replicas=2} everywhere, and two
 * instances of each service with the same settings, each its own state, transactional id and advertised URL. No
 * Docker engine runs here, so the two files are merged the way compose merges an override (a service's
 * {@code environment} and {@code depends_on} by key, anything else replaced) and the result is checked, also against
 * the local stack's own environment for such a stack ({@link StackConfig#serviceEnvironment}).
 */
class ComposeClusterFileTest {

    private static final List<String> NODES = List.of("kafka", "kafka-2", "kafka-3");
    private static final short REPLICAS = 3;

    private static Map<String, Object> base;
    private static Map<String, Object> services;
    private static StackConfig stack;

    @BeforeAll
    static void mergeTheFiles() throws IOException {
        Path root = ComposeFileTest.repositoryRoot();
        Map<String, Object> override;
        try (Reader baseFile = Files.newBufferedReader(root.resolve("docker-compose.yml"));
             Reader clusterFile = Files.newBufferedReader(root.resolve("docker-compose.cluster.yml"))) {
            base = map(map(new Yaml().load(baseFile)).get("services"));
            override = new Yaml().load(clusterFile);
        }
        assertThat(override.get("name")).as("its own project, so its volumes never meet the single node's")
                .isNotEqualTo("make-it-right").isNotNull();
        services = new LinkedHashMap<>(base);
        map(override.get("services")).forEach((name, settings) -> services.merge(name, settings,
                (first, second) -> merged(map(first), map(second))));
        stack = StackConfig.builder(root).brokers(3).instances(2).build();
    }

    static List<Component> services() {
        return Component.SERVICES;
    }

    @Test
    void threeKafkaNodesReplicateEverythingThreeTimesAndWriteWithTwoInSync() {
        String minIsr = String.valueOf(TopicLayout.minInSyncReplicas(REPLICAS));
        for (int i = 0; i < NODES.size(); i++) {
            Map<String, Object> node = map(services.get(NODES.get(i)));
            Map<String, Object> env = map(node.get("environment"));
            assertThat(node.get("image")).as(NODES.get(i)).isEqualTo(map(base.get("kafka")).get("image"));
            assertThat(String.valueOf(env.get("KAFKA_NODE_ID"))).isEqualTo(String.valueOf(i + 1));
            assertThat(String.valueOf(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")))
                    .isEqualTo("1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(String.valueOf(env.get("CLUSTER_ID"))).isEqualTo(String.valueOf(
                    map(map(base.get("kafka")).get("environment")).get("CLUSTER_ID")));
            for (String replicas : List.of("KAFKA_DEFAULT_REPLICATION_FACTOR", "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                    "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                    "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR")) {
                assertThat(String.valueOf(env.get(replicas))).as(NODES.get(i) + " " + replicas).isEqualTo("3");
            }
            for (String inSync : List.of("KAFKA_MIN_INSYNC_REPLICAS", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR",
                    "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR")) {
                assertThat(String.valueOf(env.get(inSync))).as(NODES.get(i) + " " + inSync).isEqualTo(minIsr);
            }
            assertThat(String.valueOf(env.get("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE"))).isEqualTo("false");
            int hostPort = 9092 + i * Instance.PORT_STEP;
            assertThat(list(node.get("ports"))).contains(hostPort + ":" + hostPort);
            assertThat(String.valueOf(env.get("KAFKA_ADVERTISED_LISTENERS")))
                    .isEqualTo("INTERNAL://" + NODES.get(i) + ":29092,EXTERNAL://localhost:" + hostPort);
            assertThat(map(node.get("healthcheck"))).containsKey("test");
        }
        assertThat(NODES.stream().map(node -> String.valueOf(list(map(services.get(node)).get("volumes"))))
                .distinct()).as("a data volume per node").hasSize(3);
    }

    @Test
    void theInitContainerCreatesEveryTopicWithThreeReplicasOnceEveryNodeAnswers() {
        Map<String, Object> init = map(services.get("kafka-init"));
        Map<String, Object> env = map(init.get("environment"));
        String script = String.join("\n", list(init.get("command")));

        assertThat(String.valueOf(env.get("REPLICATION_FACTOR"))).isEqualTo("3");
        assertThat(String.valueOf(env.get("MIN_INSYNC_REPLICAS")))
                .isEqualTo(String.valueOf(TopicLayout.minInSyncReplicas(REPLICAS)));
        assertThat(String.valueOf(map(map(base.get("kafka-init")).get("environment")).get("REPLICATION_FACTOR")))
                .as("docker compose up alone: one broker, one replica").isEqualTo("1");
        long creates = Pattern.compile("--create").matcher(script).results().count();
        assertThat(Pattern.compile("--replication-factor \"\\$\\$REPLICATION_FACTOR\"").matcher(script).results()
                .count()).as("every topic created with the replicas given").isEqualTo(creates);
        assertThat(Pattern.compile("min\\.insync\\.replicas=\"\\$\\$MIN_INSYNC_REPLICAS\"").matcher(script).results()
                .count()).as("every topic created with the min.insync.replicas given").isEqualTo(creates);
        for (String node : NODES) {
            assertThat(map(map(init.get("depends_on")).get(node))).as(node).containsEntry("condition", "service_healthy");
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyServiceRunsTwiceWithTheLocalClustersSettings(Component service) {
        String module = service.module().orElseThrow();
        Map<String, Object> first = map(services.get(module));
        Map<String, Object> second = map(services.get(module + "-2"));
        Map<String, Object> firstEnv = map(first.get("environment"));
        Map<String, Object> secondEnv = map(second.get("environment"));
        int port = service.defaultPort();

        assertThat(second).as(module + "-2").isNotNull();
        assertThat(second.get("image")).isEqualTo(first.get("image"));
        assertThat(second.get("build")).isEqualTo(first.get("build"));
        assertThat(list(second.get("ports"))).containsExactly((port + Instance.PORT_STEP) + ":" + port);
        assertThat(list(second.get("volumes"))).doesNotContainAnyElementsOf(list(first.get("volumes")));
        assertThat(map(map(second.get("depends_on")).get("kafka-init")))
                .containsEntry("condition", "service_completed_successfully");
        assertThat(String.join(" ", list(map(second.get("healthcheck")).get("test"))))
                .contains("http://localhost:" + port + "/actuator/health");
        // the same settings, but for what names the instance itself
        Set<String> own = Set.of("INTAKE_ADVERTISED_URL", "INSTANCE_ADVERTISED_URL", "INTAKE_TRANSACTIONAL_ID");
        assertThat(secondEnv.keySet()).containsExactlyInAnyOrderElementsOf(firstEnv.keySet());
        firstEnv.forEach((name, value) -> {
            if (!own.contains(name)) {
                assertThat(secondEnv.get(name)).as(module + "-2 " + name).isEqualTo(value);
            }
        });
        for (Map<String, Object> env : List.of(firstEnv, secondEnv)) {
            assertThat(String.valueOf(env.get(StackConfig.BOOTSTRAP_VARIABLE)).split(","))
                    .as("every node, at an address it advertises").containsExactlyInAnyOrder(NODES.stream()
                            .map(node -> node + ":29092").toArray(String[]::new));
        }
        // what ./complaints up --brokers 3 --instances 2 gives this service's instances, compose gives too
        Map<String, String> local = stack.serviceEnvironment(new Instance(service, 2), Map.of());
        assertThat(String.valueOf(secondEnv.get(StackConfig.REPLICATION_FACTOR_VARIABLE)))
                .isEqualTo(local.get(StackConfig.REPLICATION_FACTOR_VARIABLE)).isEqualTo("3");
        for (String advertised : List.of("INTAKE_ADVERTISED_URL", "INSTANCE_ADVERTISED_URL")) {
            assertThat(firstEnv.containsKey(advertised)).as(module + " " + advertised)
                    .isEqualTo(local.containsKey(advertised));
            if (local.containsKey(advertised)) {
                assertThat(String.valueOf(firstEnv.get(advertised))).isEqualTo("http://" + module + ":" + port);
                assertThat(String.valueOf(secondEnv.get(advertised))).isEqualTo("http://" + module + "-2:" + port);
            }
        }
        if (service == Component.INTAKE) {
            assertThat(secondEnv.get("INTAKE_TRANSACTIONAL_ID")).isNotNull()
                    .isNotEqualTo(firstEnv.get("INTAKE_TRANSACTIONAL_ID"));
            assertThat(String.valueOf(secondEnv.get("INTAKE_PEER_KEY"))).isEqualTo("${VIEWER_KEY:-}");
        }
    }

    /** A service of the override on top of the same service of the base file, as compose merges them. */
    private static Map<String, Object> merged(Map<String, Object> first, Map<String, Object> second) {
        Map<String, Object> result = new LinkedHashMap<>(first);
        second.forEach((key, value) -> {
            if (Set.of("environment", "depends_on").contains(key) && first.get(key) instanceof Map<?, ?>) {
                Map<String, Object> both = new LinkedHashMap<>(map(first.get(key)));
                both.putAll(map(value));
                result.put(key, both);
            } else {
                result.put(key, value);
            }
        });
        return result;
    }
}
