package com.makeitright.intake;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.intake.testing.Markers;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.StreamsInstances;
import com.makeitright.testing.KafkaCluster;
import com.makeitright.testing.security.TestCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two intake instances in one group on a real three-node cluster, each holding some of the status view's partitions:
 * every complaint reads the same from both (a read of the other's complaint is forwarded to it), an Idempotency-Key
 * retried on the other instance is recognised there, and, last, the shortened scale-out drill: an instance and a
 * broker killed under load lose and duplicate nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeInstancesIT {

    private static final int PARTITIONS = 3;
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    private KafkaCluster cluster;
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<String> stateDirs = new ArrayList<>();

    @BeforeAll
    void startTwoInstances() throws IOException {
        cluster = KafkaCluster.start(3);
        for (int i = 0; i < 2; i++) {
            ports.add(freePort());
            stateDirs.add(System.getProperty("java.io.tmpdir") + "/make-it-right-tests/intake-instances-"
                    + UUID.randomUUID());
            instances.add(start(i));
        }
        StreamsInstances.awaitEachHoldsPartitions(instances);
    }

    /** Instance i, on its own port and state directory (the same again when it is restarted). */
    private ConfigurableApplicationContext start(int i) {
        return new SpringApplicationBuilder(IntakeApplication.class, OwnEventLoops.class).run(
                "--server.port=" + ports.get(i),
                "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
                "--makeitright.kafka.topics.partitions=" + PARTITIONS,
                "--makeitright.kafka.topics.replication-factor=3",
                "--makeitright.intake.routing.advertised-url=http://localhost:" + ports.get(i),
                "--makeitright.intake.routing.peer-key=" + TestCredentials.key("viewer"),
                // a killed process answers nothing it had in flight (the drill below), nor drains
                "--server.shutdown=immediate",
                "--spring.kafka.streams.state-dir=" + stateDirs.get(i));
    }

    /**
     * Each instance's web server and clients on event loops of its own: by default every Reactor Netty server and
     * client in a JVM shares one global set, which closing one instance's context disposes, cutting the other
     * instance and this test's clients off too (separate processes never share them).
     */
    static final class OwnEventLoops {
        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            resources.setShutdownQuietPeriod(Duration.ZERO);
            return resources;
        }
    }

    @AfterAll
    void stop() throws Exception {
        instances.forEach(ConfigurableApplicationContext::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void everyComplaintReadsTheSameFromEitherInstance() {
        List<String> complaintIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ResponseEntity<Map<String, Object>> accepted = client(instances.get(i % 2), "helpdesk").post()
                    .uri("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(ComplaintRequest.aComplaint()).retrieve().toEntity(JSON_MAP).block(KafkaProbe.PATIENCE);
            assertThat(accepted.getStatusCode().value()).isEqualTo(202);
            complaintIds.add((String) accepted.getBody().get("complaintId"));
        }

        for (String complaintId : complaintIds) {
            Map<String, Object> fromFirst = await().atMost(KafkaProbe.PATIENCE)
                    .until(() -> read(instances.get(0), complaintId), view -> view != null);
            Map<String, Object> fromSecond = read(instances.get(1), complaintId);
            assertThat(fromSecond).as(complaintId).isEqualTo(fromFirst);
            assertThat(fromFirst).containsEntry("complaintId", complaintId);
        }
        // each instance held some of them: both answered for the other
        for (ConfigurableApplicationContext instance : instances) {
            assertThat(instance.getBean(MeterRegistry.class).counter("makeitright.intake.view.forwarded").count())
                    .isPositive();
        }
    }

    /**
     * A customer's cases lie on the partitions of their complaint ids, so the instance taking a repeat contact must
     * look in the other instance's partitions too: each contact here goes to the instance that does not hold the
     * case, and must join it rather than open a second case.
     */
    @Test
    @Order(2)
    void aRepeatContactJoinsTheOpenCaseTheOtherInstanceHolds() {
        String topic = Topics.COMPLAINTS_RECEIVED.name();
        Set<Integer> seen = new java.util.HashSet<>();
        for (int attempt = 0; attempt < 12 && seen.size() < 2; attempt++) {
            ComplaintRequest first = ComplaintRequest.aComplaint();
            String caseId = (String) post(instances.get(attempt % 2), first, "first-" + UUID.randomUUID())
                    .getBody().get("complaintId");
            int partition = Markers.partition(caseId, PARTITIONS);
            int holder = heldPartitions(instances.get(0), topic).contains(partition) ? 0 : 1;
            if (!seen.add(holder)) {
                continue; // one case held by each instance is enough
            }
            await().atMost(KafkaProbe.PATIENCE).until(() -> read(instances.get(1 - holder), caseId) != null);

            ResponseEntity<Map<String, Object>> again = post(instances.get(1 - holder),
                    first.withChannel("PHONE").withSubject("Still waiting for the right CD"), "again-" + caseId);

            assertThat(again.getStatusCode().value()).isEqualTo(202);
            assertThat(again.getBody()).as("contact posted to the instance not holding case " + caseId)
                    .containsEntry("complaintId", caseId).containsEntry("repeatContact", true);
        }
        assertThat(seen).as("instances that held one of the cases").containsExactlyInAnyOrder(0, 1);
    }

    @Test
    @Order(3)
    void anIdempotencyKeyRetriedOnTheOtherInstanceIsRecognisedThereAndPublishesNothing() {
        String key = "instances-" + UUID.randomUUID();
        ComplaintRequest request = ComplaintRequest.aComplaint();
        ResponseEntity<Map<String, Object>> first = post(instances.get(0), request, key);
        String complaintId = (String) first.getBody().get("complaintId");
        // the retry goes to the other instance once the first one's write is in the view of whichever holds it
        await().atMost(KafkaProbe.PATIENCE).until(() -> read(instances.get(1), complaintId) != null);

        ResponseEntity<Map<String, Object>> retry = post(instances.get(1), request, key);

        assertThat(retry.getStatusCode().value()).isEqualTo(202);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody()).containsEntry("complaintId", complaintId);
        try (KafkaProbe probe = new KafkaProbe(cluster.bootstrapServers())) {
            String marker = Markers.samePartitionKey(complaintId, PARTITIONS);
            probe.publish(Topics.COMPLAINTS_RECEIVED, marker, Events.received(marker).build());
            probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, marker, 1);
            assertThat(probe.eventsFor(Topics.COMPLAINTS_RECEIVED, complaintId))
                    .singleElement().extracting(ComplaintReceived::getIdempotencyKey).isEqualTo(key);
        }
    }

    /**
     * The shortened scale-out drill ({@code ./complaints drill --brokers 3 --instances 2} in full): under a steady POST
     * load spread over both instances, the second instance is killed and, while it is down, the broker leading a
     * partition of {@code complaints.received} is stopped; then both come back together. Closing the
     * instance's context (no drain: {@code server.shutdown=immediate}) is the in-process stand-in for SIGKILL: its
     * answers in flight are cut, but it leaves the group and its stream threads commit on the way out, which a killed
     * process does not. The broker stops without controlled shutdown, so its partitions move only once the controller
     * fences it, as after a kill. The faults overlap but start one after the other: a rebalance while a broker is down
     * stalled the surviving instance's assignment for Kafka's 60 s API timeout in this in-process cluster (see
     * docs/architecture.md), which is not what this test is about. Clients saw non-2xx answers only within a bounded
     * window; every accepted complaint is on the topic exactly once, and reads the same from both instances.
     */
    @Test
    @Order(4)
    void anInstanceAndABrokerKilledUnderLoadLoseAndDuplicateNothing() throws Exception {
        String topic = Topics.COMPLAINTS_RECEIVED.name();
        Set<Integer> heldByKilled = heldPartitions(instances.get(1), topic);
        assertThat(heldByKilled).as("partitions the killed instance holds").isNotEmpty();
        PostLoad load = new PostLoad(ports, Duration.ofMillis(200));
        load.start();
        await().atMost(KafkaProbe.PATIENCE).until(() -> load.acceptedCount() >= 5);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
             PostLoad.Running running = load.running()) {
            long killedAt = System.nanoTime();
            instances.get(1).close();
            await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> {
                assertThat(heldPartitions(instances.get(0), topic)).as("partitions the survivor holds")
                        .hasSize(PARTITIONS);
                assertThat(acceptedPartitions(load.acceptedSentAfter(killedAt)))
                        .as("partitions of complaints accepted since the kill; " + load.answersSentAfter(killedAt))
                        .containsAll(heldByKilled);
            });

            Map<Integer, Integer> leaders = leaders(admin, topic);
            int node = leaders.get(0);
            Set<Integer> ledByNode = partitionsOf(leaders, node);
            assertThat(cluster.brokerIds()).contains(node);
            long stoppedAt = System.nanoTime();
            cluster.stopBroker(node);
            System.out.println("Drill: broker " + node + " stopped");
            await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> {
                assertThat(partitionsOf(leaders(admin, topic), node)).as("partitions the stopped broker leads")
                        .isEmpty();
                assertThat(acceptedPartitions(load.acceptedSentAfter(stoppedAt)))
                        .as("partitions of complaints accepted since the broker stopped; "
                                + load.answersSentAfter(stoppedAt)).containsAll(ledByNode);
            });
            long brokerHealedAt = System.nanoTime();

            // both come back together: the broker rejoins and catches up while the instance starts
            cluster.startBroker(node);
            instances.set(1, start(1));
            long restartedAt = System.nanoTime();
            StreamsInstances.awaitEachHoldsPartitions(instances);
            await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> {
                assertThat(inSyncEverywhere(admin, topic)).as("every replica in sync again").isTrue();
                assertThat(load.acceptedSentAfter(restartedAt)).as("accepted since the restarts").hasSizeGreaterThan(3);
            });
            PostLoad.Outcome outcome = load.stop();
            long stoppedLoadAt = System.nanoTime();
            System.out.printf("Drill: %d complaints accepted (%d while an instance was down), %d attempts, failures %s,"
                            + " non-2xx window %.1f s, longest wait for a 202 %.1f s; the survivor took over in %.1f s,"
                            + " the partitions of broker %d moved in %.1f s%n",
                    outcome.accepted().size(), load.acceptedSentAfter(killedAt).size()
                            - load.acceptedSentAfter(restartedAt).size(), outcome.attempts().size(),
                    outcome.failures(), outcome.windowSeconds(), outcome.longestWaitSeconds(),
                    (stoppedAt - killedAt) / 1e9, node, (brokerHealedAt - stoppedAt) / 1e9);
            assertFaultsWereSurvived(outcome);
            System.out.printf("Drill: audited and read back in %.1f s%n", (System.nanoTime() - stoppedLoadAt) / 1e9);
        }
    }

    private void assertFaultsWereSurvived(PostLoad.Outcome outcome) {
        String topic = Topics.COMPLAINTS_RECEIVED.name();
        assertThat(outcome.notAccepted()).as("keys never accepted").isEmpty();
        assertThat(outcome.failures()).as("only non-answers and 5xx, never a 4xx")
                .allSatisfy((kind, n) -> assertThat(kind).matches("no answer.*|5\\d\\d"));
        assertThat(outcome.failures()).as("the kill was seen: answers cut or refused").isNotEmpty();
        // a correctness bound, not a speed target: clients were never refused for longer than this
        assertThat(outcome.windowSeconds()).isLessThan(30);
        assertThat(outcome.longestWaitSeconds()).isLessThan(30);

        Map<String, String> complaintIds = outcome.accepted().stream()
                .collect(Collectors.toMap(PostLoad.Accepted::key, PostLoad.Accepted::complaintId));
        assertThat(Set.copyOf(complaintIds.values())).as("one complaint per key").hasSize(complaintIds.size());
        try (KafkaProbe probe = new KafkaProbe(cluster.bootstrapServers())) {
            List<ComplaintReceived> events = probe.recordsUpToNow(topic).stream()
                    .map(record -> Topics.COMPLAINTS_RECEIVED.serde().deserializer().deserialize(topic, record.value()))
                    .toList();
            Map<String, Long> records = events.stream().collect(Collectors.groupingBy(
                    event -> event.getComplaintId().toString(), Collectors.counting()));
            Map<String, Long> distinct = events.stream().map(event -> event.getComplaintId() + " " + event.getEventId())
                    .distinct().collect(Collectors.groupingBy(line -> line.split(" ")[0], Collectors.counting()));
            long copies = complaintIds.values().stream().mapToLong(id -> records.getOrDefault(id, 0L) - 1).sum();
            System.out.printf("Drill: %d accepted complaints, %d extra copies of a ComplaintReceived (same event id)%n",
                    complaintIds.size(), copies);
            // None lost, none a second complaint: exactly one event per complaint. A copy of that very event (same
            // event id; a retry published again before the holder's view had the first, architecture.md) is
            // dropped by every reader, so it is counted and printed, not failed on.
            assertThat(complaintIds.values()).as("accepted complaints with exactly one ComplaintReceived event")
                    .allSatisfy(id -> assertThat(distinct.get(id)).as(id).isEqualTo(1L));
        }
        // each complaint from both instances, a few at a time
        List<String> differing = Flux.fromIterable(complaintIds.values())
                .flatMap(id -> Mono.zip(readAsync(instances.get(0), id), readAsync(instances.get(1), id))
                        .filter(views -> !views.getT1().equals(views.getT2())
                                || !id.equals(views.getT1().get("complaintId")))
                        .map(views -> id + ": " + views.getT1() + " / " + views.getT2()), 8)
                .collectList().block(KafkaProbe.PATIENCE);
        assertThat(differing).as("complaints that do not read the same from both instances").isEmpty();
    }

    /** The complaint's view; a 404 (or any other non-200) fails the read. */
    private static Mono<Map<String, Object>> readAsync(ConfigurableApplicationContext instance, String complaintId) {
        return client(instance, "viewer").get().uri("/api/complaints/{id}", complaintId).retrieve().bodyToMono(JSON_MAP);
    }

    /** Partition → leader node, as the cluster's metadata has it now. */
    private static Map<Integer, Integer> leaders(Admin admin, String topic) throws Exception {
        return describe(admin, topic).stream().collect(Collectors.toMap(TopicPartitionInfo::partition,
                p -> p.leader() == null ? -1 : p.leader().id()));
    }

    private static boolean inSyncEverywhere(Admin admin, String topic) throws Exception {
        return describe(admin, topic).stream().allMatch(p -> p.isr().size() == 3);
    }

    private static List<TopicPartitionInfo> describe(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions();
    }

    private static Set<Integer> partitionsOf(Map<Integer, Integer> leaders, int node) {
        return leaders.entrySet().stream().filter(e -> e.getValue() == node).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Partitions of the topic this instance's stream threads hold as active tasks. */
    private static Set<Integer> heldPartitions(ConfigurableApplicationContext instance, String topic) {
        KafkaStreams streams = instance.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            return Set.of();
        }
        return streams.metadataForLocalThreads().stream().flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream()).filter(p -> p.topic().equals(topic))
                .map(TopicPartition::partition).collect(Collectors.toSet());
    }

    private static Set<Integer> acceptedPartitions(List<PostLoad.Accepted> accepted) {
        return accepted.stream().map(a -> Markers.partition(a.complaintId(), PARTITIONS)).collect(Collectors.toSet());
    }

    /** The complaint's view, or null while it answers 404. */
    private static Map<String, Object> read(ConfigurableApplicationContext instance, String complaintId) {
        return client(instance, "viewer").get().uri("/api/complaints/{id}", complaintId)
                .exchangeToMono(response -> response.statusCode().value() == 404
                        ? response.releaseBody().then(Mono.<Map<String, Object>>empty())
                        : response.bodyToMono(JSON_MAP))
                .block(KafkaProbe.PATIENCE);
    }

    private static ResponseEntity<Map<String, Object>> post(ConfigurableApplicationContext instance,
                                                            ComplaintRequest request, String key) {
        return client(instance, "helpdesk").post().uri("/api/complaints").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .retrieve().toEntity(JSON_MAP).block(KafkaProbe.PATIENCE);
    }

    private static WebClient client(ConfigurableApplicationContext instance, String role) {
        return WebClient.builder()
                .baseUrl("http://localhost:" + instance.getEnvironment().getProperty("local.server.port"))
                .defaultHeader("Authorization", TestCredentials.bearer(role)).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
