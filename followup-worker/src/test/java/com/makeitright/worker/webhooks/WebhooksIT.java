package com.makeitright.worker.webhooks;

import com.makeitright.contract.EventJson;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.FollowUpKind;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import com.makeitright.worker.WorkerApplication;
import com.makeitright.worker.outbound.DeliveryConsumer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker's webhooks on a real broker, POSTing to a real HTTP receiver in this JVM that verifies every signature
 * as a subscriber would. Subscription {@code flaky} wants every event kind and its receiver fails the first
 * attempts of some deliveries; {@code strict} wants acknowledgements and refuses some with 400.
 */
@WithKafkaBroker
@DirtiesContext
@SpringBootTest(classes = WorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WebhooksIT {

    static final String FLAKY_SECRET = "flaky-receiver-secret-0123456789abcdef";
    static final String STRICT_SECRET = "strict-receiver-secret-0123456789abcdef";
    static final String REFUSED_TEXT = "refuse me";

    /** A delivery as the receiver got it, with its answer. */
    record Received(String subscription, String deliveryId, String event, String body, int answer) {
    }

    static final Queue<Received> received = new ConcurrentLinkedQueue<>();
    static final AtomicInteger badSignatures = new AtomicInteger();
    static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    static final Map<String, Boolean> failingDeliveries = new ConcurrentHashMap<>();
    static final AtomicInteger newDeliveries = new AtomicInteger();
    static final HttpServer receiver = startReceiver();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        // The mail topology is WorkerIT's; here it would only compete for the two cores.
        registry.add("spring.kafka.streams.auto-startup", () -> "false");
        registry.add("spring.kafka.streams.application-id", () -> "webhooks-it");
        registry.add("spring.kafka.streams.state-dir", () -> Path.of(System.getProperty("java.io.tmpdir"),
                "make-it-right-tests", "webhooks-it-" + Events.newId()).toString());
        registry.add("makeitright.worker.links.key", () -> "webhooks-it-link-signing-key-0123456789abcdef");
        registry.add("makeitright.webhooks.delivery.max-attempts", () -> "4");
        registry.add("makeitright.webhooks.delivery.backoff", () -> "20ms");
        registry.add("makeitright.webhooks.delivery.max-backoff", () -> "100ms");
        registry.add("makeitright.webhooks.subscriptions[0].name", () -> "flaky");
        registry.add("makeitright.webhooks.subscriptions[0].url", () -> base + "/flaky");
        registry.add("makeitright.webhooks.subscriptions[0].secret", () -> FLAKY_SECRET);
        registry.add("makeitright.webhooks.subscriptions[0].events",
                () -> "ComplaintAcknowledged,RemedyOffered,ComplaintResolved,FollowUpDue");
        registry.add("makeitright.webhooks.subscriptions[0].start", () -> "EARLIEST");
        registry.add("makeitright.webhooks.subscriptions[1].name", () -> "strict");
        registry.add("makeitright.webhooks.subscriptions[1].url", () -> base + "/strict");
        registry.add("makeitright.webhooks.subscriptions[1].secret", () -> STRICT_SECRET);
        registry.add("makeitright.webhooks.subscriptions[1].events", () -> "ComplaintAcknowledged");
        registry.add("makeitright.webhooks.subscriptions[1].start", () -> "EARLIEST");
    }

    static HttpServer startReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(2));
            // Every other delivery (in the order they first arrive) fails twice (503, the second time asking to come back at once), then succeeds.
            server.createContext("/flaky", exchange -> receive(exchange, "flaky", FLAKY_SECRET, (deliveryId, body) -> {
                int attempt = attempts.computeIfAbsent(deliveryId, id -> new AtomicInteger()).incrementAndGet();
                boolean failing = failingDeliveries.computeIfAbsent(deliveryId,
                        id -> newDeliveries.getAndIncrement() % 2 == 0) && attempt <= 2;
                return failing ? 503 : 200;
            }));
            server.createContext("/strict", exchange -> receive(exchange, "strict", STRICT_SECRET,
                    (deliveryId, body) -> {
                        attempts.computeIfAbsent(deliveryId, id -> new AtomicInteger()).incrementAndGet();
                        return body.contains(REFUSED_TEXT) ? 400 : 204;
                    }));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Answer {
        int to(String deliveryId, String body);
    }

    static void receive(HttpExchange exchange, String subscription, String secret, Answer answer) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String timestamp = exchange.getRequestHeaders().getFirst("X-MakeItRight-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-MakeItRight-Signature");
        int status;
        if (!verify(secret, timestamp, raw, signature)) {
            badSignatures.incrementAndGet();
            status = 401;
        } else {
            String deliveryId = exchange.getRequestHeaders().getFirst("X-MakeItRight-Delivery");
            String body = new String(raw, StandardCharsets.UTF_8);
            status = answer.to(deliveryId, body);
            if (status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            received.add(new Received(subscription, deliveryId,
                    exchange.getRequestHeaders().getFirst("X-MakeItRight-Event"), body, status));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** A receiver's verification, as in docs/follow-up-worker.md. */
    static boolean verify(String secret, String timestamp, byte[] rawBody, String signature) {
        if (timestamp == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            byte[] expected = Base64.getEncoder().encode(mac.doFinal(rawBody));
            return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
        ((java.util.concurrent.ExecutorService) receiver.getExecutor()).shutdownNow();
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    MeterRegistry meters;
    KafkaProbe probe;

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
    }

    /** What the receiver got for these complaints (each test has its own; both subscriptions see acknowledgements). */
    static List<Received> receivedFor(String subscription, Set<String> complaintIds) {
        return received.stream().filter(r -> r.subscription().equals(subscription)
                && complaintIds.stream().anyMatch(id -> r.body().contains("\"complaintId\":\"" + id + "\""))).toList();
    }

    static Set<String> deliveredIds(String subscription, Set<String> complaintIds) {
        return receivedFor(subscription, complaintIds).stream().filter(r -> r.answer() / 100 == 2)
                .map(Received::deliveryId).collect(Collectors.toSet());
    }

    @Test
    void everyEventArrivesSignedOnceByDeliveryIdThroughFailedAttemptsAndProgressIsCommitted() throws Exception {
        List<SpecificRecordBase> sent = new ArrayList<>();
        Set<String> complaints = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            String id = "wh-" + Events.newId();
            complaints.add(id);
            ComplaintAcknowledged acknowledged = Events.acknowledged(id).build();
            probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, acknowledged);
            var offered = Events.offered(id).build();
            probe.publish(Topics.REMEDY_OFFERED, id, offered);
            var resolved = Events.resolved(id).build();
            probe.publish(Topics.COMPLAINTS_RESOLVED, id, resolved);
            var due = Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build();
            probe.publish(Topics.FOLLOW_UP_DUE, id, due);
            sent.addAll(List.of(acknowledged, offered, resolved, due));
        }
        Map<String, SpecificRecordBase> byDeliveryId = sent.stream().collect(Collectors.toMap(
                event -> "flaky:" + event.get("eventId"), Function.identity()));

        await().atMost(KafkaProbe.PATIENCE).until(() -> deliveredIds("flaky", complaints).containsAll(byDeliveryId.keySet()));

        assertThat(deliveredIds("flaky", complaints)).isEqualTo(byDeliveryId.keySet());
        assertThat(badSignatures).hasValue(0);
        List<Received> flaky = receivedFor("flaky", complaints);
        assertThat(flaky).filteredOn(r -> r.answer() == 503).isNotEmpty(); // the retries were exercised
        for (Received delivery : flaky) { // every attempt, failed or not, carries the same event as the same JSON
            SpecificRecordBase event = byDeliveryId.get(delivery.deliveryId());
            assertThat(delivery.body()).isEqualTo(EventJson.toJson(event));
            assertThat(delivery.event()).isEqualTo(event.getSchema().getName());
        }
        assertThat(meters.counter("makeitright.webhook.deliveries", "subscription", "flaky", "outcome", "delivered")
                .count()).isGreaterThanOrEqualTo(byDeliveryId.size());

        // Progress survives a restart: the group's committed offsets reach the end of every topic it reads.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<String> topics = WebhookTopics.OFFERED.stream().map(t -> t.name()).toList();
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values()
                    .stream().flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                    .filter(e -> e.getValue().offset() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        WebhookTopics.consumerGroup("flaky")).partitionsToOffsetAndMetadata().get();
                ends.forEach((partition, end) -> assertThat(committed.get(partition)).as(partition.toString())
                        .isNotNull().extracting(OffsetAndMetadata::offset).isEqualTo(end));
            });
        }
    }

    @Test
    void aRefusedDeliveryIsDeadLetteredAtOnceAndTheNextEventIsStillDelivered() {
        String id = "wh-" + Events.newId();
        ComplaintAcknowledged refused = Events.acknowledged(id).setAcknowledgementText(REFUSED_TEXT).build();
        ComplaintAcknowledged next = Events.acknowledged(id).build(); // same key: same partition, after it
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, refused);
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, next);

        await().atMost(KafkaProbe.PATIENCE).until(() -> deliveredIds("strict", Set.of(id)).contains("strict:" + next.getEventId()));
        ConsumerRecord<String, byte[]> letter = probe.awaitRecord(WebhookTopics.deadLetterTopic("strict"), id);

        assertThat(KafkaProbe.header(letter, DeliveryConsumer.REASON_HEADER)).isEqualTo("HTTP 400");
        assertThat(KafkaProbe.header(letter, DeliveryConsumer.STATUS_HEADER)).isEqualTo("400");
        assertThat(KafkaProbe.header(letter, DeliveryConsumer.ATTEMPTS_HEADER)).isEqualTo("1");
        assertThat(KafkaProbe.header(letter, DeliveryConsumer.DELIVERY_ID_HEADER))
                .isEqualTo("strict:" + refused.getEventId());
        assertThat(KafkaProbe.header(letter, DeliveryConsumer.ORIGINAL_TOPIC_HEADER))
                .isEqualTo(Topics.COMPLAINTS_ACKNOWLEDGED.name());
        assertThat(Topics.COMPLAINTS_ACKNOWLEDGED.serde().deserializer().deserialize(letter.topic(), letter.value()))
                .isEqualTo(refused);
        assertThat(attempts.get("strict:" + refused.getEventId())).hasValue(1); // a 400 is not retried
        assertThat(probe.records(WebhookTopics.deadLetterTopic("strict"))).hasSize(1);
        assertThat(meters.counter("makeitright.webhook.deliveries", "subscription", "strict", "outcome", "rejected")
                .count()).isEqualTo(1);
    }
}
