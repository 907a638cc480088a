package com.makeitright.followup;

import com.makeitright.contract.Topics;
import com.makeitright.events.Anger;
import com.makeitright.events.RootCause;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.StreamsInstances;
import com.makeitright.testing.WithKafkaBroker;
import com.makeitright.testing.security.TestCredentials;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two followup instances in one group on a real broker, each holding some partitions of the schedule and the
 * prevention stores: {@code GET /api/insights} gives the same totals and lists from either, gathered from both.
 */
@WithKafkaBroker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowupInstancesIT {

    private static final int PARTITIONS = 3;
    private static final int PER_PARTITION = 4;
    private static final RootCause[] CAUSES = {RootCause.PACKING_ERROR, RootCause.DELIVERY, RootCause.BILLING};

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    void startTwoInstances(EmbeddedKafkaBroker broker) throws IOException {
        String stateDir = System.getProperty("java.io.tmpdir") + "/make-it-right-tests/followup-instances-"
                + UUID.randomUUID();
        for (int port : new int[]{freePort(), freePort()}) {
            instances.add(new SpringApplicationBuilder(FollowupApplication.class).run(
                    "--server.port=" + port,
                    "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                    "--makeitright.kafka.topics.partitions=" + PARTITIONS,
                    "--makeitright.instances.advertised-url=http://localhost:" + port,
                    "--followup.delay=PT1H",
                    "--followup.prevention.threshold=2",
                    "--spring.kafka.streams.state-dir=" + stateDir + "-" + port));
        }
        StreamsInstances.awaitEachHoldsPartitions(instances);
    }

    @AfterAll
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void insightsReadTheSameFromEitherInstance(EmbeddedKafkaBroker broker) {
        List<String> complaintIds = spreadOverEveryPartition();
        try (KafkaProbe probe = new KafkaProbe(broker.getBrokersAsString())) {
            for (int i = 0; i < complaintIds.size(); i++) {
                String id = complaintIds.get(i);
                probe.publish(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).build());
                probe.publish(Topics.COMPLAINTS_RESOLVED, id, Events.resolved(id).setRootCause(CAUSES[i % 3])
                        .setAnger(i % 2 == 0 ? Anger.CALM : Anger.ANGRY).build());
            }
        }

        // every complaint counted, its check listed and one action per root cause, whichever instance holds it;
        // then both instances agree once the last occurrences are counted (the events come in while they are read)
        JsonNode first = await().atMost(KafkaProbe.PATIENCE).ignoreExceptions()
                .until(() -> insights(instances.get(0)),
                        i -> i.get("complaints").get("total").asInt() == complaintIds.size()
                                // each resolution schedules its satisfaction check and that check's no-answer
                                && i.get("followUps").get("scheduled").asInt() == 2 * complaintIds.size()
                                && i.get("prevention").size() == CAUSES.length
                                && i.equals(insights(instances.get(1))));

        assertThat(first.get("complaints").get("byAnger").get("CALM").asInt()).isEqualTo(complaintIds.size() / 2);
        assertThat(first.get("followUps").get("nextDue").valueStream()
                .filter(l -> l.get("kind").asString().equals("SATISFACTION_CHECK"))
                .map(l -> l.get("complaintId").asString()))
                .containsExactlyInAnyOrderElementsOf(complaintIds);
        // each instance's own part is only some of it: the answers above were gathered from both
        for (ConfigurableApplicationContext instance : instances) {
            int here = client(instance).get().uri("/internal/insights-part").retrieve().bodyToMono(JsonNode.class)
                    .block(KafkaProbe.PATIENCE).get("complaints").get("total").asInt();
            assertThat(here).isBetween(PER_PARTITION, complaintIds.size() - PER_PARTITION);
        }
    }

    @Test
    void thePartIsForTheSameRolesAsTheInsights() {
        WebClient bare = WebClient.create("http://localhost:" + port(instances.get(0)));
        assertThat(bare.get().uri("/internal/insights-part").exchangeToMono(r -> r.releaseBody()
                .thenReturn(r.statusCode().value())).block(KafkaProbe.PATIENCE)).isEqualTo(401);
        assertThat(bare.get().uri("/internal/insights-part").header("Authorization", TestCredentials.bearer("helpdesk"))
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())).block(KafkaProbe.PATIENCE))
                .isEqualTo(403);
    }

    /** Complaint ids, {@link #PER_PARTITION} in each partition, so that both instances hold some. */
    private static List<String> spreadOverEveryPartition() {
        List<String> ids = new ArrayList<>();
        int[] counts = new int[PARTITIONS];
        while (ids.size() < PARTITIONS * PER_PARTITION) {
            String id = "inst-" + Events.newId();
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (counts[partition] < PER_PARTITION) {
                counts[partition]++;
                ids.add(id);
            }
        }
        return ids;
    }

    /** The insights without the time they were generated at (that differs by instance and by read). */
    private static JsonNode insights(ConfigurableApplicationContext instance) {
        ObjectNode insights = (ObjectNode) client(instance).get().uri("/api/insights").retrieve()
                .bodyToMono(JsonNode.class).block(KafkaProbe.PATIENCE);
        insights.remove("generatedAt");
        return insights;
    }

    private static WebClient client(ConfigurableApplicationContext instance) {
        return WebClient.builder().baseUrl("http://localhost:" + port(instance))
                .defaultHeader("Authorization", TestCredentials.bearer("viewer")).build();
    }

    private static String port(ConfigurableApplicationContext instance) {
        return instance.getEnvironment().getProperty("local.server.port");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
