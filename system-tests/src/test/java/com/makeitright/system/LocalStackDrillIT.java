package com.makeitright.system;

import com.makeitright.cli.drill.TopicAudit;
import com.makeitright.cli.stack.Component;
import com.makeitright.contract.Topics;
import com.makeitright.contract.Topic;
import com.makeitright.system.SystemStack.Result;
import com.makeitright.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's commands through the real {@code ./complaints} script, on the run's one stack ({@link SystemStack},
 * which the script started with {@code up -d} and stops with {@code down}): {@code simulate} closes every complaint
 * (some after a reopen, some rejected as invalid) with no event duplicated on Kafka, and {@code drill --quick}
 * kills the broker under load and loses nothing. Issue #5's {@code kill remedy}, {@code status} and
 * {@code start remedy} through the script are in {@link CrashRecoveryIT}, mid-burst. It shares the stack with the
 * other system tests instead of starting its own: the stack start is the costliest step of the build.
 */
@ExtendWith(SystemStack.class)
class LocalStackDrillIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void simulateThroughTheScriptClosesEveryComplaintOnce(SystemStack system) throws Exception {
        long begin = System.nanoTime();
        assertThat(system.up().out()).contains("http://localhost:" + system.port(Component.INTAKE) + "/api/complaints");

        Result simulation = system.cli("simulate", "--count", "30", "--rate", "25", "--seed", "2",
                "--timeout", "4m", "--json", "--no-progress");
        assertThat(simulation.exit()).as(simulation + system.logs()).isZero();
        JsonNode summary = JSON.readTree(simulation.out());
        assertEveryComplaintClosed(summary, 30);
        assertNoDuplicatesOnKafka(summary, system.stack().bootstrapServers());

        System.out.printf("simulate through the script: %d s on the shared stack%n",
                (System.nanoTime() - begin) / 1_000_000_000L);
    }

    /**
     * Issue #13's drill, short: {@code ./complaints drill --quick} under load SIGKILLs the broker and starts it
     * again (the services reconnect by themselves), then counts every contract topic: nothing lost, nothing
     * duplicated, the fault healed. A service's SIGKILL is the test above (and CrashRecoveryIT's); the full drill
     * (every service, the broker, a SIGTERM restart of everything) is {@code ./complaints drill}.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void quickDrillKillsTheBrokerAndLosesNothing(SystemStack system) {
        long begin = System.nanoTime();
        assertThat(system.up().exit()).isZero();
        Result drill = system.cli("drill", "--quick", "--faults", "kafka");
        assertThat(drill.exit()).as(drill + system.logs()).isZero();
        assertThat(drill.out()).contains("Lost: 0 ", "Duplicated: 0 ", "OK: nothing lost, nothing duplicated")
                .containsPattern("(?m)^  kafka .* healed: every service reconnected by itself$");
        for (Component service : Component.SERVICES) {
            assertThat(drill.out()).as(service.shortName() + "'s health showed the outage")
                    .containsPattern("health showed it on [^;]*\\b" + service.shortName() + " ");
        }
        for (Topic<?> topic : Topics.ALL) {
            assertThat(drill.out()).contains(topic.name());
        }
        System.out.printf("issue-13 drill --quick: %d s on the shared stack%n%s%n",
                (System.nanoTime() - begin) / 1_000_000_000L, drill.out());
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

    /**
     * Exactly one received, acknowledged and resolved event per complaint and round, and no event id twice on any
     * contract topic, as Kafka has them (counted by the drill's own {@link TopicAudit}).
     */
    private static void assertNoDuplicatesOnKafka(JsonNode summary, String bootstrap) {
        Map<String, Integer> rounds = new HashMap<>();
        for (JsonNode complaint : summary.get("complaints")) {
            if ("CLOSED".equals(complaint.get("outcome").asString())) {
                rounds.put(complaint.get("complaintId").asString(), complaint.get("rounds").asInt());
            }
        }
        TopicAudit audit = TopicAudit.read(bootstrap, KafkaProbe.PATIENCE);
        assertThat(rounds).isNotEmpty();
        for (String key : expectedKeys(rounds)) {
            String id = key.substring(0, key.indexOf('#'));
            int round = Integer.parseInt(key.substring(key.indexOf('#') + 1));
            for (Topic<?> topic : TopicAudit.ONCE_PER_ROUND) {
                assertThat(audit.events(topic, id, round)).as(topic.eventName() + " " + key).isEqualTo(1L);
            }
        }
        assertThat(audit.counts()).allSatisfy(count -> assertThat(count.duplicates()).as(count.topic()).isZero());
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
}
