package com.makeitright.cli.docker;

import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.ContractTopics;
import com.makeitright.cli.stack.StackConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the tests run, so docker-compose.yml and the Dockerfiles are kept honest here:
 * every service of the design with its port, health check and Kafka address; Kafka in KRaft mode from the
 * official image of the version the build uses; every topic created before the services start; the one Dockerfile
 * multi-stage, non-root, health-checked, copying the jar each module's build really produces, and running it with
 * the local stack's JVM settings.
 */
class ComposeFileTest {

    private static Path root;
    private static Map<String, Object> services;
    private static String kafkaVersion;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = repositoryRoot();
        try (Reader in = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            services = map(compose.get("services"));
        }
        kafkaVersion = firstGroup(Files.readString(root.resolve("pom.xml")), "<kafka.version>([^<]+)</kafka.version>");
    }

    static List<Component> services() {
        return Component.SERVICES;
    }

    @Test
    void kafkaIsTheOfficialImageOfTheBuildsVersionInKraftMode() {
        Map<String, Object> kafka = map(services.get("kafka"));
        Map<String, Object> env = map(kafka.get("environment"));

        assertThat(kafka.get("image")).isEqualTo("apache/kafka:" + kafkaVersion);
        assertThat(String.valueOf(env.get("KAFKA_PROCESS_ROLES"))).contains("broker").contains("controller");
        assertThat(env).containsKeys("KAFKA_NODE_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_CONTROLLER_LISTENER_NAMES");
        assertThat(String.valueOf(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))).isEqualTo("false");
        assertThat(String.valueOf(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"))).isEqualTo("1");
        assertThat(String.valueOf(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"))).isEqualTo("1");
        assertThat(list(kafka.get("ports"))).contains("9092:9092");
        assertThat(map(kafka.get("healthcheck"))).containsKey("test");
    }

    @Test
    void theInitContainerCreatesEveryTopicBeforeTheServicesStart() {
        Map<String, Object> init = map(services.get("kafka-init"));
        String script = String.join("\n", list(init.get("command")));

        assertThat(map(map(init.get("depends_on")).get("kafka"))).containsEntry("condition", "service_healthy");
        assertThat(script).contains("--create", "--if-not-exists", "--partitions 3", "retention.ms=-1");
        for (NewTopic topic : ContractTopics.all(3)) {
            assertThat(script).as(topic.name()).containsPattern("(?m)^\\s*" + Pattern.quote(topic.name()) + "( \\\\)?$");
        }
        // a compacted topic is created compacted: its name follows a --config cleanup.policy=compact line
        for (NewTopic topic : ContractTopics.all(3)) {
            if ("compact".equals(topic.configs().get("cleanup.policy"))) {
                assertThat(script).as(topic.name() + " compacted").containsPattern("(?m)cleanup\\.policy=compact[^\n]*\\\\\n\\s*"
                        + Pattern.quote(topic.name()) + "$");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyServiceIsBuiltFromItsDockerfileWithPortHealthAndKafka(Component service) {
        String module = service.module().orElseThrow();
        Map<String, Object> compose = map(services.get(module));
        Map<String, Object> env = map(compose.get("environment"));
        int port = service.defaultPort();

        assertThat(compose).as(module + " in docker-compose.yml").isNotNull();
        assertThat(map(compose.get("build"))).containsEntry("context", ".").containsEntry("dockerfile", "Dockerfile");
        assertThat(map(map(compose.get("build")).get("args"))).containsEntry("MODULE", module)
                .containsEntry("PORT", port);
        assertThat(env).as("JVM settings come from the Dockerfile, the same as the local stack's")
                .doesNotContainKey("JAVA_OPTS");
        assertThat(list(compose.get("ports"))).contains(port + ":" + port);
        assertThat(String.valueOf(env.get("SERVER_PORT"))).isEqualTo(String.valueOf(port));
        String bootstrap = String.valueOf(env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertThat(String.valueOf(map(map(services.get("kafka")).get("environment")).get("KAFKA_ADVERTISED_LISTENERS")))
                .as("the services' Kafka address is one the broker advertises").contains("//" + bootstrap);
        assertThat(String.join(" ", list(map(compose.get("healthcheck")).get("test"))))
                .contains("http://localhost:" + port + "/actuator/health");
        assertThat(map(map(compose.get("depends_on")).get("kafka-init")))
                .containsEntry("condition", "service_completed_successfully");
    }

    @Test
    void theMailServerIsGreenMailOfTheBuildsVersionWithTheLocalStacksPorts() throws IOException {
        Map<String, Object> mail = map(services.get("mail"));
        String greenmail = firstGroup(Files.readString(root.resolve("pom.xml")),
                "<greenmail.version>([^<]+)</greenmail.version>");
        String opts = String.valueOf(map(mail.get("environment")).get("GREENMAIL_OPTS"));
        int smtp = Component.MAIL.defaultPort();
        int api = StackConfig.DEFAULT_MAIL_API_PORT;

        assertThat(mail.get("image")).isEqualTo("greenmail/standalone:" + greenmail);
        assertThat(list(mail.get("ports"))).contains(smtp + ":" + smtp, api + ":" + api);
        assertThat(opts).contains("-Dgreenmail.smtp.port=" + smtp, "-Dgreenmail.api.port=" + api,
                "-Dgreenmail.auth.disabled");
        // the local stack's flags, bound to every interface inside the container
        assertThat(StackConfig.builder(root).build().mailServerProperties())
                .filteredOn(property -> property.startsWith("-Dgreenmail."))
                .allSatisfy(property -> assertThat(opts).contains(property.replace("127.0.0.1", "0.0.0.0")));
    }

    @Test
    void theWorkerMailsTheMailServerAndSharesTheLinkKeyWithIntake() {
        Map<String, Object> worker = map(services.get("followup-worker"));
        Map<String, Object> env = map(worker.get("environment"));
        Object intakeKey = map(map(services.get("intake-service")).get("environment")).get("CUSTOMER_LINK_KEY");

        assertThat(String.valueOf(env.get("MAIL_HOST"))).isEqualTo("mail");
        assertThat(String.valueOf(env.get("MAIL_PORT"))).isEqualTo(String.valueOf(Component.MAIL.defaultPort()));
        assertThat(String.valueOf(env.get("CUSTOMER_LINK_BASE_URL"))).isEqualTo("http://localhost:"
                + Component.INTAKE.defaultPort());
        assertThat(env.get("CUSTOMER_LINK_KEY")).as("one key, required, no default").isEqualTo(intakeKey);
        assertThat(String.valueOf(intakeKey)).startsWith("${CUSTOMER_LINK_KEY:?");
        // one key-encryption key for every service, required: the built-in development key is published
        for (String service : List.of("intake-service", "triage-service", "remedy-service", "followup-service",
                "followup-worker")) {
            assertThat(String.valueOf(map(map(services.get(service)).get("environment"))
                    .get("PRIVACY_KEY_ENCRYPTION_KEY"))).as(service).startsWith("${PRIVACY_KEY_ENCRYPTION_KEY:?");
        }
        assertThat(map(map(worker.get("depends_on")).get("mail"))).containsEntry("condition", "service_started");
    }

    @Test
    void followupGetsItsDelay() {
        assertThat(map(map(services.get("followup-service")).get("environment"))).containsKey("FOLLOWUP_DELAY");
    }

    @Test
    void oneDockerfileIsMultiStageNonRootHealthCheckedAndBuildsTheModuleNamedByItsArgument() throws IOException {
        String dockerfile = dockerfile();

        assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count()).isGreaterThanOrEqualTo(2);
        assertThat(dockerfile).containsPattern("(?m)^FROM maven:\\S+ AS build$");
        assertThat(dockerfile).containsPattern("(?m)^ARG MODULE$").containsPattern("(?m)^ARG PORT=\\d+$");
        assertThat(dockerfile).containsPattern("mvn .*-pl \\$\\{MODULE} -am package");
        assertThat(dockerfile).contains("${MODULE}/target/${MODULE}.jar");
        String user = firstGroup(dockerfile, "(?m)^USER (\\S+)$");
        assertThat(user).isNotIn("root", "0");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*").contains("/actuator/health");
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE \\$\\{PORT}$").contains("SERVER_PORT=${PORT}");
        try (var perModule = Files.list(root)) {
            assertThat(perModule.filter(dir -> Files.exists(dir.resolve("Dockerfile")))).as("no per-module copies").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void theDockerfilesJarPathIsTheJarTheModulesBuildProduces(Component service) throws IOException {
        String module = service.module().orElseThrow();
        String builtJar = module + "/target/" + finalName(module) + ".jar";

        assertThat(firstGroup(dockerfile(), "cp (\\S+) /src/app.jar").replace("${MODULE}", module)).isEqualTo(builtJar);
        assertThat(root.relativize(service.jar(root)).toString()).as("the jar ./complaints runs").isEqualTo(builtJar);
    }

    @Test
    void theImagesRunWithTheLocalStacksJvmSettings() throws IOException {
        String javaOpts = firstGroup(dockerfile(), "JAVA_OPTS=\"([^\"]*)\"");

        assertThat(javaOpts).isEqualTo(StackConfig.DEFAULT_SERVICE_JAVA_OPTS);
        StackConfig.SERVICE_NATIVE_ENVIRONMENT.forEach((name, value) ->
                assertThat(dockerfile()).containsPattern("(?m)^\\s*" + name + "=" + value + "\\b"));
    }

    private static String dockerfile() {
        try {
            return Files.readString(root.resolve("Dockerfile"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndLocalState() throws IOException {
        assertThat(Files.readAllLines(root.resolve(".dockerignore"))).contains("**/target/", ".run/");
    }

    /** The module's jar name: its pom's {@code finalName}, with {@code ${project.artifactId}} resolved. */
    private static String finalName(String module) throws IOException {
        String pom = Files.readString(root.resolve(module).resolve("pom.xml"));
        String artifactId = firstGroup(pom.replaceAll("(?s)<parent>.*?</parent>", ""), "<artifactId>([^<]+)</artifactId>");
        return firstGroup(pom, "<finalName>([^<]+)</finalName>").replace("${project.artifactId}", artifactId);
    }

    private static String firstGroup(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("/" + regex + "/ found").isTrue();
        return matcher.group(1);
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (with mvnw) above the working directory").isNotNull();
        return dir;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Object value) {
        return ((List<Object>) value).stream().map(String::valueOf).toList();
    }
}
