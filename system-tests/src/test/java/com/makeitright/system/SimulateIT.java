package com.makeitright.system;

import com.makeitright.cli.drill.TopicAudit;
import com.makeitright.cli.stack.Component;
import com.makeitright.contract.Topic;
import com.makeitright.system.SystemStack.Result;
import com.makeitright.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's {@code ./complaints simulate} through the real script, on the run's one stack ({@link SystemStack},
 * which the script started with {@code up -d}): it closes every complaint (some after a reopen, some rejected as
 * invalid) with no event duplicated on Kafka, counted by the drill's own {@link TopicAudit}.
 */
@ExtendWith(SystemStack.class)
@ResourceLock(value = SystemStack.LOCK, mode = ResourceAccessMode.READ)
class SimulateIT {

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
     * {@code simulate --via-mail}: the customers answer offers and satisfaction checks by the links in the mails the
     * stack's mail server received, on intake's pages. A handful of complaints, half of the first checks unhappy (so
     * a "1" or "2" link reopens a case); every customer with an address answers by mail, none waits in vain.
     */
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void simulateViaMailAnswersByTheMailsLinks(SystemStack system) throws Exception {
        long begin = System.nanoTime();
        Result simulation = system.cli("simulate", "--via-mail", "--count", "6", "--rate", "5", "--seed", "5",
                "--invalid-share", "0", "--retry-share", "0", "--unhappy-share", "0.5", "--mail-wait", "30s",
                "--timeout", "3m", "--json", "--no-progress");
        assertThat(simulation.exit()).as(simulation + system.logs()).isZero();
        JsonNode summary = JSON.readTree(simulation.out());
        assertThat(summary.get("stuck")).as("stuck").isEmpty();
        assertThat(summary.get("failures")).as("failures").isEmpty();
        assertThat(summary.get("completed").asInt()).isEqualTo(6);
        JsonNode mail = summary.get("mailAnswers");
        assertThat(mail.get("noMailInTime").asInt()).as("answers whose mail did not come: %s", mail).isZero();
        // every offer and check of a customer with an address: at least one offer and one check per complaint
        assertThat(mail.get("viaMail").asInt() + mail.get("withoutAddress").asInt()).isGreaterThanOrEqualTo(12);
        assertThat(mail.get("viaMail").asInt()).isPositive();

        System.out.printf("simulate --via-mail: %d s on the shared stack, %s%n",
                (System.nanoTime() - begin) / 1_000_000_000L, mail);
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
