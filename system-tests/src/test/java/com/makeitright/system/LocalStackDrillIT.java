package com.makeitright.system;

import com.makeitright.cli.stack.Component;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.contract.Topic;
import com.makeitright.system.SystemStack.Result;
import com.makeitright.testing.KafkaProbe;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * Issue #5's drill, through the real {@code ./complaints} script, on the run's one stack ({@link SystemStack},
 * which the script started with {@code up -d} and stops with {@code down}): {@code kill remedy} (SIGKILL),
 * {@code status} shows it stopped, {@code simulate --count 50} while remedy is down, {@code start remedy}, and
 * every complaint closes (some after a reopen, some rejected as invalid) with no event duplicated on Kafka.
 * It shares the stack with the other system tests instead of starting its own: the stack start is the costliest
 * step of the build. A simulation with every service up is the same run minus the outage, so it is this one.
 */
@ExtendWith(SystemStack.class)
class LocalStackDrillIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void killSimulateWhileDownStartAndEveryComplaintClosesOnce(SystemStack system) throws Exception {
        long begin = System.nanoTime();
        assertThat(system.up().out()).contains("http://localhost:" + system.port(Component.INTAKE) + "/api/complaints");

        Result kill = system.cli("kill", "remedy");
        assertThat(kill.exit()).as(kill.toString()).isZero();
        Result status = system.cli("status");
        assertThat(status.out()).containsPattern("(?m)^remedy\\s+-\\s+" + system.port(Component.REMEDY) + "\\s+STOPPED");

        Path runDir = system.runDir();
        Path secondOut = runDir.resolve("drill-simulate.out");
        Path secondErr = runDir.resolve("drill-simulate.err");
        Process second = system.startCli(List.of("simulate", "--count", "50", "--rate", "25", "--seed", "2",
                "--timeout", "4m", "--json", "--no-progress"), secondOut, secondErr);
        Awaitility.await().atMost(Duration.ofMinutes(2))
                .until(() -> Files.readString(secondErr).contains("posted all") || !second.isAlive());
        assertThat(second.isAlive()).as("still waiting for remedy: " + Files.readString(secondErr)).isTrue();

        Result start = system.cli("start", "remedy");
        assertThat(start.exit()).as(start + system.logs()).isZero();

        assertThat(second.waitFor(SystemStack.COMMAND.toSeconds(), TimeUnit.SECONDS)).as("simulation finished").isTrue();
        Result secondResult = new Result(second.exitValue(), Files.readString(secondOut), Files.readString(secondErr));
        assertThat(secondResult.exit()).as(secondResult + system.logs()).isZero();
        JsonNode summary = JSON.readTree(secondResult.out());
        assertEveryComplaintClosed(summary, 50);
        assertNoDuplicatesOnKafka(summary, system.stack().bootstrapServers());

        System.out.printf("issue-5 stack drill: %d s on the shared stack%n", (System.nanoTime() - begin) / 1_000_000_000L);
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
    private static void assertNoDuplicatesOnKafka(JsonNode summary, String bootstrap) {
        Map<String, Integer> rounds = new HashMap<>();
        for (JsonNode complaint : summary.get("complaints")) {
            if ("CLOSED".equals(complaint.get("outcome").asString())) {
                rounds.put(complaint.get("complaintId").asString(), complaint.get("rounds").asInt());
            }
        }
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
}
