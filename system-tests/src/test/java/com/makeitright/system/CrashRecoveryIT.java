package com.makeitright.system;

import com.makeitright.cli.simulate.IntakeClient;
import com.makeitright.cli.stack.Component;
import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.FollowUpKind;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.KafkaProbe;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crashes in the middle of a burst lose no complaint and duplicate no event. Services are killed with SIGKILL
 * (no shutdown hook, open Kafka transactions left behind) while complaints flow, then started again (remedy through
 * the real script: {@code ./complaints kill remedy}, {@code status}, {@code start remedy}); at the
 * end every complaint has exactly one event of each kind on every topic, counted per complaint id with a
 * {@code read_committed} consumer. Helpdesk clients retry a POST that got no answer with the same
 * Idempotency-Key, as the API asks them to.
 */
@ExtendWith(SystemStack.class)
@ResourceLock(SystemStack.LOCK) // it kills processes of the shared stack: nothing runs beside it
@Order(Integer.MAX_VALUE) // after the classes that share the stack have started (junit-platform.properties)
class CrashRecoveryIT {

    private static final int COMPLAINTS = 30;
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void servicesKilledMidBurstLoseNothingAndDuplicateNothing(SystemStack system) throws Exception {
        KafkaProbe kafka = system.kafka();
        AtomicInteger submitted = new AtomicInteger();
        Set<String> ids = ConcurrentHashMap.newKeySet();

        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<?>> burst = new ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            burst.add(clients.submit(() -> {
                ids.add(submitUntilAccepted(system.intake(), ComplaintRequest.aComplaint()
                        .withOrderAmount("12.00", "USD")));
                submitted.incrementAndGet();
            }));
        }

        // Chaos while the burst runs: every stream service and intake itself die at some point.
        awaitSubmitted(submitted, 4);
        system.crash(Component.TRIAGE);
        awaitSubmitted(submitted, 8);
        // remedy through the real script, as an operator drills it: kill (SIGKILL), status, and later start
        SystemStack.Result kill = system.cli("kill", "remedy");
        assertThat(kill.exit()).as(kill.toString()).isZero();
        SystemStack.Result status = system.cli("status");
        assertThat(status.out()).containsPattern("(?m)^remedy\\s+-\\s+" + system.port(Component.REMEDY) + "\\s+STOPPED");
        awaitSubmitted(submitted, 12);
        // The restarts run side by side, as they would on three machines: a service boots for seconds of CPU, and
        // the burst goes on meanwhile.
        ExecutorService restarts = Executors.newFixedThreadPool(3); // not the common pool: one thread on 2 cores
        CompletableFuture<Void> triage = CompletableFuture.runAsync(() -> system.restart(Component.TRIAGE), restarts);
        awaitSubmitted(submitted, 16);
        system.crash(Component.INTAKE);
        CompletableFuture<Void> intake = CompletableFuture.runAsync(() -> system.restart(Component.INTAKE), restarts);
        CompletableFuture<SystemStack.Result> remedy = CompletableFuture.supplyAsync(
                () -> system.cli("start", "remedy"), restarts);
        for (Future<?> client : burst) { // clients keep retrying with the same keys while intake is away
            client.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        clients.shutdown();
        triage.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        intake.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        SystemStack.Result start = remedy.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        restarts.shutdown();
        assertThat(start.exit()).as(start + system.logs()).isZero();
        assertThat(ids).hasSize(COMPLAINTS);

        for (String id : ids) {
            kafka.awaitEvents(Topics.REMEDY_OFFERED, id, 1);
        }
        assertExactlyOnePerComplaint(kafka, ids, List.of(Topics.COMPLAINTS_RECEIVED, Topics.COMPLAINTS_ACKNOWLEDGED,
                Topics.REMEDY_OFFERED));

        // Second act: four agents accept and deliver every remedy, and followup dies while the first cases' checks
        // are scheduled and the rest are still being resolved.
        Helpdesk helpdesk = new Helpdesk(system.intake());
        List<String> order = List.copyOf(ids);
        ExecutorService agents = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> delivered = order.stream().map(id -> CompletableFuture.runAsync(() -> {
            JsonNode view = helpdesk.awaitOfferForCustomer(id, 1);
            String offerId = view.path("openOffer").path("offerId").asString();
            helpdesk.respond(id, offerId, "ACCEPT", null);
            helpdesk.awaitStage(id, "AGREED");
            helpdesk.fulfill(id, offerId);
        }, agents)).toList();
        for (String id : order.subList(0, COMPLAINTS / 3)) {
            kafka.awaitEvents(Topics.COMPLAINTS_RESOLVED, id, 1);
        }
        system.crash(Component.FOLLOWUP);
        system.restart(Component.FOLLOWUP);
        CompletableFuture.allOf(delivered.toArray(CompletableFuture[]::new)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        agents.shutdown();
        for (String id : ids) {
            kafka.awaitEvents(Topics.FOLLOW_UP_DUE, id, 1);
        }

        assertExactlyOnePerComplaint(kafka, ids, List.of(Topics.REMEDY_RESPONSES, Topics.REMEDY_FULFILLED,
                Topics.COMPLAINTS_RESOLVED, Topics.FOLLOW_UP_DUE));
        assertThat(ids).allSatisfy(id -> assertThat(kafka.eventsFor(Topics.FOLLOW_UP_DUE, id).get(0).getKind())
                .isEqualTo(FollowUpKind.SATISFACTION_CHECK));
        assertThat(kafka.eventsFor(Topics.COMPLAINTS_RECEIVED, ids.iterator().next()))
                .extracting(ComplaintReceived::getIdempotencyKey).doesNotContainNull();
        for (Topic<?> topic : Topics.ALL) {
            assertThat(kafka.recordsUpToNow(topic.deadLetterTopic())).as(topic.deadLetterTopic())
                    .noneMatch(record -> ids.contains(record.key()));
        }
    }

    /**
     * Posts with one Idempotency-Key until intake answers 202: a refused connection, a reset one or a 503 while
     * intake restarts or catches up are retried with the same key.
     */
    private static String submitUntilAccepted(IntakeClient intake, ComplaintRequest complaint) {
        String key = UUID.randomUUID().toString();
        String body = JSON.writeValueAsString(complaint);
        return await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    try {
                        IntakeClient.Reply reply = intake.postComplaint(body, key);
                        if (reply.status() == 202) {
                            return reply.text("complaintId");
                        }
                        assertThat(reply.status()).as("only unavailability is retried: %s", reply.body())
                                .isGreaterThanOrEqualTo(500);
                        return null;
                    } catch (IOException notAnswered) {
                        return null;
                    }
                }, id -> id != null);
    }

    private static void awaitSubmitted(AtomicInteger submitted, int count) {
        await().atMost(PATIENCE).until(() -> submitted.get() >= count);
    }

    /**
     * Exactly one event per complaint on each topic, and it stays one: the counts are read to the topics' ends, and
     * again for a few seconds, so a late duplicate (a retried transaction, a re-fired schedule) would be seen. The
     * topics are checked together so that the few seconds are waited once, not once per topic.
     */
    private static void assertExactlyOnePerComplaint(KafkaProbe kafka, Set<String> ids,
                                                     List<Topic<? extends SpecificRecord>> topics) {
        await().during(Duration.ofSeconds(3)).atMost(PATIENCE).untilAsserted(() -> {
            for (Topic<? extends SpecificRecord> topic : topics) {
                kafka.recordsUpToNow(topic.name());
                Map<String, Integer> counts = ids.stream()
                        .collect(Collectors.toMap(Function.identity(), id -> kafka.eventsFor(topic, id).size()));
                assertThat(counts).as("%s events per complaint", topic).allSatisfy((id, count) -> assertThat(count)
                        .as("%s events of %s", topic, id).isEqualTo(1));
            }
        });
    }
}
