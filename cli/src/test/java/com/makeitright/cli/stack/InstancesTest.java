package com.makeitright.cli.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code up --instances N}: names, ports, files and environment of each instance, and what {@code up} refuses. */
class InstancesTest {

    @TempDir
    Path project;

    @Test
    void namesParseToTheFirstInstanceOrANumberedOne() {
        assertThat(Instance.parse("intake")).isEqualTo(new Instance(Component.INTAKE, 1));
        assertThat(Instance.parse("intake-1")).isEqualTo(new Instance(Component.INTAKE, 1));
        assertThat(Instance.parse("Intake-Service-2")).isEqualTo(new Instance(Component.INTAKE, 2));
        assertThat(Instance.parse("followup-worker-3")).isEqualTo(new Instance(Component.WORKER, 3));
        assertThat(Instance.parse("followup-worker")).isEqualTo(new Instance(Component.WORKER, 1));
        assertThat(Instance.parse("broker")).isEqualTo(new Instance(Component.KAFKA, 1));
        assertThat(new Instance(Component.REMEDY, 1).name()).isEqualTo("remedy");
        assertThat(new Instance(Component.REMEDY, 4).name()).isEqualTo("remedy-4");

        assertThat(Instance.parse("kafka-2")).isEqualTo(new Instance(Component.KAFKA, 2));
        assertThat(Instance.parse("broker-3").name()).isEqualTo("kafka-3");
        assertThatThrownBy(() -> Instance.parse("kafka-4")).hasMessageContaining("at most 3 nodes");
        assertThatThrownBy(() -> Instance.parse("mail-2")).hasMessageContaining("mail runs once");
        assertThatThrownBy(() -> Instance.parse("intake-0")).hasMessageContaining("from 1 to 9");
        assertThatThrownBy(() -> Instance.parse("intake-99999999999")).hasMessageContaining("from 1 to 9");
        assertThatThrownBy(() -> Instance.parse("billing-2")).hasMessageContaining("Unknown process 'billing'");
    }

    @Test
    void theFirstInstanceKeepsTodaysPortsAndFilesTheOthersAddAHundredPerInstance() {
        StackConfig config = StackConfig.builder(project).instances(3).build();
        Instance intake2 = new Instance(Component.INTAKE, 2);
        Instance worker3 = new Instance(Component.WORKER, 3);

        assertThat(config.port(Instance.first(Component.INTAKE))).isEqualTo(8080);
        assertThat(config.port(intake2)).isEqualTo(8180);
        assertThat(config.port(worker3)).isEqualTo(8284);
        assertThat(config.logFile(Component.INTAKE)).isEqualTo(project.resolve(".run/logs/intake.log"));
        assertThat(config.logFile(intake2)).isEqualTo(project.resolve(".run/logs/intake-2.log"));
        assertThat(config.pidFile(intake2)).isEqualTo(project.resolve(".run/pids/intake-2.pid"));
        assertThat(config.stateDir(Component.INTAKE)).isEqualTo(project.resolve(".run/state/intake-service"));
        assertThat(config.stateDir(worker3)).isEqualTo(project.resolve(".run/state/followup-worker-3"));
        assertThat(config.processes()).extracting(Instance::name).containsExactly("kafka", "mail",
                "intake", "intake-2", "intake-3", "triage", "triage-2", "triage-3", "remedy", "remedy-2", "remedy-3",
                "followup", "followup-2", "followup-3", "worker", "worker-2", "worker-3");
        assertThat(config.portClashes()).isEmpty();
    }

    @Test
    void eachInstanceGetsItsOwnPortAndStateAndIntakeSaysWhereTheOthersReachIt() {
        StackConfig config = StackConfig.builder(project).instances(2).port(Component.INTAKE, 18080).build();

        Map<String, String> first = config.serviceEnvironment(Component.INTAKE, Map.of());
        Map<String, String> second = config.serviceEnvironment(new Instance(Component.INTAKE, 2), Map.of());
        Map<String, String> remedy2 = config.serviceEnvironment(new Instance(Component.REMEDY, 2), Map.of());

        assertThat(first).containsEntry("SERVER_PORT", "18080")
                .containsEntry("INTAKE_ADVERTISED_URL", "http://localhost:18080")
                .containsEntry("STATE_DIR", project.resolve(".run/state/intake-service").toString());
        assertThat(second).containsEntry("SERVER_PORT", "18180")
                .containsEntry("INTAKE_ADVERTISED_URL", "http://localhost:18180")
                .containsEntry("STATE_DIR", project.resolve(".run/state/intake-service-2").toString());
        assertThat(remedy2).containsEntry("SERVER_PORT", "8182")
                .containsEntry("STATE_DIR", project.resolve(".run/state/remedy-service-2").toString())
                .doesNotContainKey("INTAKE_ADVERTISED_URL")
                .containsEntry("INSTANCE_ADVERTISED_URL", "http://localhost:8182");
        assertThat(config.serviceEnvironment(Component.TRIAGE, Map.of())).doesNotContainKey("INSTANCE_ADVERTISED_URL");
    }

    @Test
    void upRemembersHowManyInstancesSoLaterCommandsFindThemAndAnInstanceBeyondIsRefused() {
        Map<String, String> env = Map.of("COMPLAINTS_RUN_DIR", project.resolve("run").toString());
        StackConfig.fromEnvironment(project, env).instances(2).build().save();

        StackConfig later = StackConfig.fromEnvironment(project, env).build();
        StackConfig fromVariable = StackConfig.fromEnvironment(project,
                Map.of("COMPLAINTS_RUN_DIR", project.resolve("run").toString(), "COMPLAINTS_INSTANCES", "3")).build();

        assertThat(later.instances()).isEqualTo(2);
        assertThat(later.instancesOf(Component.TRIAGE)).extracting(Instance::name).containsExactly("triage", "triage-2");
        assertThat(later.instancesOf(Component.KAFKA)).extracting(Instance::name).containsExactly("kafka");
        assertThat(later.check(new Instance(Component.TRIAGE, 2))).isEqualTo(new Instance(Component.TRIAGE, 2));
        assertThatThrownBy(() -> later.check(new Instance(Component.TRIAGE, 3)))
                .isInstanceOf(StackException.class).hasMessageContaining("triage-3: this stack runs 2 instances");
        assertThat(fromVariable.instances()).isEqualTo(3);
        assertThatThrownBy(() -> StackConfig.fromEnvironment(project, Map.of("COMPLAINTS_INSTANCES", "10")))
                .isInstanceOf(StackException.class).hasMessageContaining("from 1 to 9");
    }

    @Test
    void upNamesTheInstanceWhosePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            StackConfig config = StackConfig.builder(project).instances(2)
                    .port(Component.TRIAGE, taken.getLocalPort() - Instance.PORT_STEP).build();

            assertThat(new LocalStack(config, Map.of()).problemsBeforeStarting(List.of(Component.TRIAGE)))
                    .contains("port " + taken.getLocalPort() + " (triage-2) is already in use by another program; stop"
                            + " it or choose another port with --triage-port (instance 2 adds 100) or TRIAGE_PORT");
        }
    }

    @Test
    void upRefusesPortsThatTwoInstancesWouldShare() {
        // intake-3 listens on 8080 + 200: put remedy there, and the mail API on worker-2's 8184.
        StackConfig config = StackConfig.builder(project).instances(3).port(Component.REMEDY, 8280)
                .mailApiPort(8184).build();

        List<String> clashes = config.portClashes();

        assertThat(clashes).containsExactly(
                "port 8280 would be both intake-3's and remedy's; choose other ports (instance n of a service listens"
                        + " on its port + 100 × (n - 1))",
                "port 8184 would be both worker-2's and the mail REST API's; choose other ports (instance n of a"
                        + " service listens on its port + 100 × (n - 1))");
        assertThat(new LocalStack(config, Map.of()).problemsBeforeStarting(List.of(Component.MAIL)))
                .as("up lists them with its other problems, before starting anything").containsAll(clashes);
    }

    @Test
    void threeBrokersAreNodesOfOneQuorumOnTheirOwnPortsWithReplicationFactorThree() {
        Map<String, String> env = Map.of("COMPLAINTS_RUN_DIR", project.resolve("run").toString());
        StackConfig.fromEnvironment(project, env).brokers(3).build().save();
        StackConfig config = StackConfig.fromEnvironment(project, env).build();
        Path run = project.resolve("run").toAbsolutePath();

        assertThat(config.brokers()).as("saved by up").isEqualTo(3);
        assertThat(config.instancesOf(Component.KAFKA)).extracting(Instance::name)
                .containsExactly("kafka", "kafka-2", "kafka-3");
        assertThat(config.processes()).extracting(Instance::name).startsWith("kafka", "kafka-2", "kafka-3", "mail");
        assertThat(config.instancesOf(Component.KAFKA)).extracting(config::port).containsExactly(9092, 9192, 9292);
        assertThat(config.instancesOf(Component.KAFKA)).extracting(config::controllerPort)
                .containsExactly(9093, 9193, 9293);
        assertThat(config.instancesOf(Component.KAFKA)).extracting(config::kafkaDir)
                .containsExactly(run.resolve("kafka"), run.resolve("kafka-2"), run.resolve("kafka-3"));
        assertThat(config.quorumVoters()).isEqualTo("1@127.0.0.1:9093,2@127.0.0.1:9193,3@127.0.0.1:9293");
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092,localhost:9192,localhost:9292");
        assertThat(config.replicationFactor()).isEqualTo((short) 3);
        assertThat(config.serviceEnvironment(Component.TRIAGE, Map.of()))
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092,localhost:9192,localhost:9292")
                .containsEntry("MAKEITRIGHT_KAFKA_TOPICS_REPLICATION_FACTOR", "3");
        assertThat(config.logFile(new Instance(Component.KAFKA, 2))).isEqualTo(run.resolve("logs/kafka-2.log"));
        assertThat(config.check(new Instance(Component.KAFKA, 3)).name()).isEqualTo("kafka-3");

        StackConfig single = StackConfig.builder(project).build();
        assertThat(single.replicationFactor()).isEqualTo((short) 1);
        assertThat(single.serviceEnvironment(Component.TRIAGE, Map.of()))
                .doesNotContainKey("MAKEITRIGHT_KAFKA_TOPICS_REPLICATION_FACTOR");
        assertThatThrownBy(() -> single.check(new Instance(Component.KAFKA, 2)))
                .isInstanceOf(StackException.class).hasMessageContaining("kafka-2: this stack runs 1 Kafka node");
        assertThatThrownBy(() -> StackConfig.builder(project).brokers(2))
                .isInstanceOf(StackException.class).hasMessageContaining("must be 1 (one broker) or 3");
    }

    @Test
    void aClusterNodeWhosePortsAreTakenOrSharedIsNamed() throws IOException {
        StackConfig clash = StackConfig.builder(project).brokers(3).port(Component.INTAKE, 9192).build();
        assertThat(clash.portClashes()).anyMatch(c -> c.startsWith("port 9192 would be both kafka-2's and intake's"));

        try (ServerSocket taken = new ServerSocket(0)) {
            StackConfig config = StackConfig.builder(project).brokers(3)
                    .controllerPort(taken.getLocalPort() - 2 * Instance.PORT_STEP).build();

            assertThat(new LocalStack(config, Map.of()).problemsBeforeStarting(List.of(Component.KAFKA)))
                    .contains("port " + taken.getLocalPort() + " (kafka-3 controller) is already in use by another"
                            + " program; stop it or choose another port with --controller-port (node 3 adds 200) or"
                            + " KAFKA_CONTROLLER_PORT");
        }
    }
}
