package com.makeitright.cli;

import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.Ports;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.contract.Topic;
import com.makeitright.testing.KafkaProbe;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #5's drill, through the real {@code ./complaints} script: {@code up -d}, {@code simulate --count 50}
 * (every complaint closes, some after a reopen), {@code kill remedy} (SIGKILL), a second simulation while remedy
 * is down, {@code start remedy}, and every complaint of the second batch closes with no event duplicated on
 * Kafka; then {@code down}. On free ports with its own run directory, so it passes while a developer's stack
 * runs. Needs the four services' jars, which the reactor builds before this module.
 */
class LocalStackIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration COMMAND = Duration.ofMinutes(3);

    @TempDir
    Path runDir;

    private Path root;
    private final Map<String, String> env = new HashMap<>();
    private int calls;

    @BeforeEach
    void freePortsAndOwnRunDirectory() {
        root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("complaints"))) {
            root = root.getParent();
        }
        env.put("COMPLAINTS_SKIP_BUILD", "1"); // the reactor just built the jars
        env.put("COMPLAINTS_RUN_DIR", runDir.toString());
        env.put("KAFKA_CONTROLLER_PORT", String.valueOf(Ports.freePort()));
        for (Component component : Component.values()) {
            env.put(component.portVariable(), String.valueOf(Ports.freePort()));
        }
    }

    @AfterEach
    void down() throws Exception {
        Result down = cli("down");
        assertThat(down.exit()).as(down.toString()).isZero();
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void upSimulateKillSimulateWhileDownStartAndEveryComplaintClosesOnce() throws Exception {
        long begin = System.nanoTime();
        Result up = cli("up", "-d");
        assertThat(up.exit()).as(up + logs()).isZero();
        assertThat(up.out()).contains("http://localhost:" + env.get("INTAKE_PORT") + "/api/complaints");
        long upSeconds = (System.nanoTime() - begin) / 1_000_000_000L;

        Result first = cli("simulate", "--count", "50", "--rate", "25", "--seed", "1", "--timeout", "2m", "--json",
                "--no-progress");
        assertThat(first.exit()).as(first + logs()).isZero();
        assertEveryComplaintClosed(JSON.readTree(first.out()), 50);

        Result kill = cli("kill", "remedy");
        assertThat(kill.exit()).as(kill.toString()).isZero();
        Result status = cli("status");
        assertThat(status.out()).containsPattern("(?m)^remedy\\s+-\\s+" + env.get("REMEDY_PORT") + "\\s+STOPPED");

        Path secondOut = runDir.resolve("second-simulate.out");
        Path secondErr = runDir.resolve("second-simulate.err");
        Process second = start(List.of("simulate", "--count", "50", "--rate", "25", "--seed", "2", "--timeout", "3m",
                "--json", "--no-progress"), secondOut, secondErr);
        Awaitility.await().atMost(Duration.ofMinutes(1))
                .until(() -> Files.readString(secondErr).contains("posted all") || !second.isAlive());
        assertThat(second.isAlive()).as("still waiting for remedy: " + Files.readString(secondErr)).isTrue();

        Result start = cli("start", "remedy");
        assertThat(start.exit()).as(start + logs()).isZero();

        assertThat(second.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)).as("second simulation finished").isTrue();
        Result secondResult = new Result(second.exitValue(), Files.readString(secondOut), Files.readString(secondErr));
        assertThat(secondResult.exit()).as(secondResult + logs()).isZero();
        JsonNode summary = JSON.readTree(secondResult.out());
        assertEveryComplaintClosed(summary, 50);
        assertNoDuplicatesOnKafka(summary);

        System.out.printf("issue-5 stack drill: up healthy after %d s, whole drill %d s%n", upSeconds,
                (System.nanoTime() - begin) / 1_000_000_000L);
    }

    private static void assertEveryComplaintClosed(JsonNode summary, int count) {
        assertThat(summary.get("requested").asInt()).isEqualTo(count);
        assertThat(summary.get("stuck")).as("stuck").isEmpty();
        assertThat(summary.get("failures")).as("failures").isEmpty();
        assertThat(summary.get("completed").asInt()).isEqualTo(summary.get("accepted").asInt());
        assertThat(summary.get("completed").asInt() + summary.get("rejectedAsInvalid").asInt()).isEqualTo(count);
        assertThat(summary.get("rejectedAsInvalid").asInt()).isPositive();
        for (JsonNode complaint : summary.get("complaints")) {
            assertThat(complaint.get("outcome").asString()).isIn("CLOSED", "REJECTED_AS_INVALID");
        }
    }

    /** Exactly one received, acknowledged and resolved event per complaint and round, as Kafka has them. */
    private void assertNoDuplicatesOnKafka(JsonNode summary) {
        Map<String, Integer> rounds = new HashMap<>();
        for (JsonNode complaint : summary.get("complaints")) {
            if ("CLOSED".equals(complaint.get("outcome").asString())) {
                rounds.put(complaint.get("complaintId").asString(), complaint.get("rounds").asInt());
            }
        }
        String bootstrap = "localhost:" + env.get("KAFKA_PORT");
        Map<String, Long> received = perRound(readAll(bootstrap, Topics.COMPLAINTS_RECEIVED),
                ComplaintReceived::getComplaintId, ComplaintReceived::getRound);
        Map<String, Long> acknowledged = perRound(readAll(bootstrap, Topics.COMPLAINTS_ACKNOWLEDGED),
                ComplaintAcknowledged::getComplaintId, ComplaintAcknowledged::getRound);
        Map<String, Long> resolved = perRound(readAll(bootstrap, Topics.COMPLAINTS_RESOLVED),
                ComplaintResolved::getComplaintId, ComplaintResolved::getRound);
        assertThat(rounds).isNotEmpty();
        for (String key : expectedKeys(rounds)) {
            assertThat(received.get(key)).as("ComplaintReceived " + key).isEqualTo(1L);
            assertThat(acknowledged.get(key)).as("ComplaintAcknowledged " + key).isEqualTo(1L);
            assertThat(resolved.get(key)).as("ComplaintResolved " + key).isEqualTo(1L);
        }
    }

    /** Every committed event of the topic up to its end offsets as of now, as an outside consumer reads them. */
    private static <T extends SpecificRecord> List<T> readAll(String bootstrap, Topic<T> topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<T> events = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                topic.serde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + KafkaProbe.PATIENCE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("read " + topic + " to its end").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(record -> events.add(record.value()));
            }
        }
        return events;
    }

    private static List<String> expectedKeys(Map<String, Integer> rounds) {
        List<String> keys = new ArrayList<>();
        rounds.forEach((id, count) -> {
            for (int round = 1; round <= count; round++) {
                keys.add(id + "#" + round);
            }
        });
        return keys;
    }

    private static <T> Map<String, Long> perRound(List<T> events, Function<T, String> id, Function<T, Integer> round) {
        return events.stream().collect(Collectors.groupingBy(e -> id.apply(e) + "#" + round.apply(e), Collectors.counting()));
    }

    private Result cli(String... args) throws IOException, InterruptedException {
        int call = ++calls;
        Path out = runDir.resolve("cli-" + call + ".out");
        Path err = runDir.resolve("cli-" + call + ".err");
        Process process = start(List.of(args), out, err);
        if (!process.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./complaints " + String.join(" ", args) + " did not finish in " + COMMAND);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Process start(List<String> args, Path out, Path err) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("complaints").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().remove("INTAKE_URL");
        builder.environment().keySet().removeIf(name -> name.endsWith("_DELAY"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The end of every process's log, for a failure message. */
    private String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Component component : Component.values()) {
            Path log = runDir.resolve("logs").resolve(component.shortName() + ".log");
            if (Files.isRegularFile(log)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                text.append("\n--- ").append(log.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
        }
        return text.toString();
    }

    private record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
