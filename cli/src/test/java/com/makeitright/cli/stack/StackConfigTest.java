package com.makeitright.cli.stack;

import com.makeitright.events.RemedyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigTest {

    @TempDir
    Path project;

    @Test
    void defaults() {
        StackConfig config = StackConfig.fromEnvironment(project, Map.of()).build();

        assertThat(config.runDir()).isEqualTo(project.resolve(".run"));
        assertThat(config.port(Component.KAFKA)).isEqualTo(9092);
        assertThat(config.controllerPort()).isEqualTo(9093);
        assertThat(config.port(Component.INTAKE)).isEqualTo(8080);
        assertThat(config.port(Component.FOLLOWUP)).isEqualTo(8083);
        assertThat(config.port(Component.WORKER)).isEqualTo(8084);
        assertThat(config.port(Component.MAIL)).isEqualTo(2525);
        assertThat(config.mailApiPort()).isEqualTo(8025);
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.runsOwnBroker()).isTrue();
    }

    @Test
    void environmentOverridesWhatUpSavedWhichOverridesDefaults() {
        Map<String, String> first = Map.of("COMPLAINTS_RUN_DIR", project.resolve("run").toString(),
                "INTAKE_PORT", "9180", "TRIAGE_PORT", "9181");
        StackConfig.fromEnvironment(project, first).build().save();

        StackConfig later = StackConfig.fromEnvironment(project,
                Map.of("COMPLAINTS_RUN_DIR", project.resolve("run").toString(), "TRIAGE_PORT", "9281")).build();

        assertThat(later.port(Component.INTAKE)).isEqualTo(9180); // saved by up
        assertThat(later.port(Component.TRIAGE)).isEqualTo(9281); // environment wins
        assertThat(later.port(Component.REMEDY)).isEqualTo(8082); // default
    }

    @Test
    void flagsOverrideEnvironment() {
        StackConfig config = StackConfig.fromEnvironment(project, Map.of("REMEDY_PORT", "9182"))
                .port(Component.REMEDY, 9282).build();

        assertThat(config.port(Component.REMEDY)).isEqualTo(9282);
    }

    @Test
    void externalBroker() {
        StackConfig config = StackConfig.fromEnvironment(project, Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:29092")).build();

        assertThat(config.runsOwnBroker()).isFalse();
        assertThat(config.bootstrapServers()).isEqualTo("kafka:29092");
    }

    @Test
    void serviceEnvironmentHasBrokerPortStateAndLocalDelaysUnlessInheritedOnes() {
        StackConfig config = StackConfig.builder(project).port(Component.KAFKA, 19092).port(Component.TRIAGE, 18081)
                .serviceEnv(Component.TRIAGE, "EXTRA", "yes").build();

        Map<String, String> env = config.serviceEnvironment(Component.TRIAGE, Map.of());
        Map<String, String> overridden = config.serviceEnvironment(Component.TRIAGE, Map.of("FOLLOWUP_DELAY", "PT1M"));

        assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092")
                .containsEntry("SERVER_PORT", "18081")
                .containsEntry("STATE_DIR", project.resolve(".run/state/triage-service").toString())
                .containsEntry("FOLLOWUP_DELAY", "PT5S")
                .containsEntry("EXTRA", "yes");
        assertThat(overridden).doesNotContainKey("FOLLOWUP_DELAY");
    }

    @Test
    void everyMemoryPoolOfAServiceIsBoundedExplicitlyUnlessServiceJavaOptsReplacesThem() {
        StackConfig defaults = StackConfig.builder(project).build();
        StackConfig overridden = StackConfig.fromEnvironment(project, Map.of("SERVICE_JAVA_OPTS", " -Xmx1g  -Xss1m ")).build();

        assertThat(defaults.serviceJavaOpts()).contains("-Xmx192m", "-Xss512k", "-XX:MaxMetaspaceSize=160m",
                "-XX:ReservedCodeCacheSize=96m", "-XX:-UseCodeCacheFlushing", "-XX:MaxDirectMemorySize=64m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError");
        assertThat(overridden.serviceJavaOpts()).containsExactly("-Xmx1g", "-Xss1m");
    }

    @Test
    void servicesGetFewMallocArenasUnlessTheEnvironmentChoosesItsOwn() {
        StackConfig config = StackConfig.builder(project).build();

        assertThat(config.serviceEnvironment(Component.REMEDY, Map.of())).containsEntry("MALLOC_ARENA_MAX", "2");
        assertThat(config.serviceEnvironment(Component.REMEDY, Map.of("MALLOC_ARENA_MAX", "4")))
                .doesNotContainKey("MALLOC_ARENA_MAX");
    }

    @Test
    void remedyGetsThePromiseTimesOfEveryRemedyKindFromAConfigFileBelowTheEnvironment() {
        StackConfig config = StackConfig.builder(project).build();

        Map<String, String> env = config.serviceEnvironment(Component.REMEDY, Map.of());
        Map<String, String> withOwnLocation = config.serviceEnvironment(Component.REMEDY,
                Map.of("SPRING_CONFIG_ADDITIONAL_LOCATION", "file:/etc/mine.yml"));
        Map<String, Object> yaml = new Yaml().load(StackConfig.remedyLocalConfigContent("PT45S"));

        assertThat(env).containsEntry("SPRING_CONFIG_ADDITIONAL_LOCATION", "optional:file:" + config.remedyLocalConfig())
                .containsEntry("REMEDY_POLICY_NEGOTIATION_OFFER_EXPIRY", "PT1M");
        assertThat(withOwnLocation.get("SPRING_CONFIG_ADDITIONAL_LOCATION"))
                .isEqualTo("file:/etc/mine.yml,optional:file:" + config.remedyLocalConfig());
        assertThat(config.serviceEnvironment(Component.INTAKE, Map.of())).doesNotContainKey("SPRING_CONFIG_ADDITIONAL_LOCATION");
        @SuppressWarnings("unchecked")
        Map<String, Object> deliverWithin = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                yaml.get("remedy")).get("policy")).get("deliver-within");
        assertThat(deliverWithin).hasSize(RemedyKind.values().length)
                .containsEntry("[REFUND_FULL]", "PT45S").containsEntry("[INSPECTION]", "PT45S");
    }

    @Test
    void theWorkerMailsTheLocalMailServerWithLinksToTheLocalIntake() {
        Map<String, String> env = Map.of("COMPLAINTS_RUN_DIR", project.resolve("run").toString(),
                "SMTP_PORT", "12525", "MAIL_API_PORT", "18025", "WORKER_PORT", "18084", "INTAKE_PORT", "18080");
        StackConfig.fromEnvironment(project, env).build().save();
        StackConfig config = StackConfig.fromEnvironment(project,
                Map.of("COMPLAINTS_RUN_DIR", project.resolve("run").toString())).build();

        assertThat(config.mailApiPort()).as("saved by up").isEqualTo(18025);
        assertThat(config.mailApiUrl()).isEqualTo("http://127.0.0.1:18025");
        assertThat(config.serviceEnvironment(Component.WORKER, Map.of()))
                .containsEntry("SERVER_PORT", "18084")
                .containsEntry("MAIL_HOST", "127.0.0.1")
                .containsEntry("MAIL_PORT", "12525")
                .containsEntry("CUSTOMER_LINK_BASE_URL", "http://localhost:18080")
                .containsEntry("STATE_DIR", project.resolve("run/state/followup-worker").toString());
        assertThat(config.serviceEnvironment(Component.INTAKE, Map.of())).doesNotContainKey("MAIL_PORT");
        assertThat(config.mailServerProperties()).contains("-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=12525", "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=18025");
        assertThat(Component.parse("smtp")).isEqualTo(Component.MAIL);
        assertThat(Component.parse("followup-worker")).isEqualTo(Component.WORKER);
    }

    @Test
    void aPortThatIsNoPortIsRefusedClearly() {
        assertThatThrownBy(() -> StackConfig.fromEnvironment(project, Map.of("INTAKE_PORT", "eighty")))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("INTAKE_PORT must be a port number");
    }
}
