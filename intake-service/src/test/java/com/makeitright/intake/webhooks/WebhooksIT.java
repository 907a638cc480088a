package com.makeitright.intake.webhooks;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each helpdesk's sample posted to intake on a real broker: a signed body is one {@code ComplaintReceived} (real
 * Avro bytes) carrying the helpdesk's ticket, a second delivery publishes nothing new, a bad signature nothing at all.
 */
@WithKafkaBroker
@AutoConfigureWebTestClient(timeout = "PT1M") // not 5 s: a loaded machine answers slowly, and an await retries assertions, not timeouts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "makeitright.kafka.topics.partitions=3",
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/intake-${random.uuid}",
        "makeitright.intake.transactional-id=intake-test-${random.uuid}",
        "makeitright.intake.webhooks.zammad.secret=" + WebhookHttpTest.ZAMMAD_SECRET,
        "makeitright.intake.webhooks.zendesk.secret=" + WebhookHttpTest.ZENDESK_SECRET,
        "makeitright.intake.webhooks.freshdesk.api-key=" + WebhookHttpTest.FRESHDESK_KEY,
        // each helpdesk integration is a helpdesk client: a small budget, so the burst test meets it
        "makeitright.intake.rate-limit.roles.helpdesk.capacity=" + WebhooksIT.HELPDESK_BURST,
        "makeitright.intake.rate-limit.roles.helpdesk.per-second=1"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhooksIT {

    static final int HELPDESK_BURST = 8;

    KafkaProbe probe;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
        http = http.mutate().responseTimeout(Duration.ofMinutes(1)).build(); // a loaded machine's first request is slow
    }

    /** A ticket id of its own per test, so a broker shared with other tests never holds it already. */
    private static String freshTicketId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE));
    }

    private String accepted(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().expectStatus().isAccepted()
                .returnResult(String.class).getResponseHeaders().getLocation().getPath().replace("/api/complaints/", "");
    }

    private ComplaintReceived onlyEvent(String complaintId) {
        probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, complaintId, 1);
        List<ComplaintReceived> events = probe.eventsUpToNow(Topics.COMPLAINTS_RECEIVED, complaintId);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void zammad() {
        String ticket = freshTicketId();
        byte[] body = Samples.text(Samples.ZAMMAD).replace("\"id\": 81,", "\"id\": " + ticket + ",")
                .getBytes(StandardCharsets.UTF_8);
        String signature = WebhookHttpTest.zammadSignature(body);
        String forgedTicket = freshTicketId();
        byte[] forged = Samples.text(Samples.ZAMMAD).replace("\"id\": 81,", "\"id\": " + forgedTicket + ",")
                .getBytes(StandardCharsets.UTF_8);

        http.post().uri("/api/webhooks/zammad").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature", signature).bodyValue(forged).exchange().expectStatus().isUnauthorized();
        String id = accepted(http.post().uri("/api/webhooks/zammad").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature", signature).header("X-Zammad-Delivery", "a").bodyValue(body));
        String again = accepted(http.post().uri("/api/webhooks/zammad").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature", signature).header("X-Zammad-Delivery", "b").bodyValue(body));

        assertThat(again).isEqualTo(id);
        ComplaintReceived event = onlyEvent(id);
        assertThat(event.getExternalReference().getSystem()).isEqualTo("zammad");
        assertThat(event.getExternalReference().getTicketId()).isEqualTo(ticket);
        assertThat(probe.events(Topics.COMPLAINTS_RECEIVED)).noneMatch(e -> e.getExternalReference() != null
                && e.getExternalReference().getTicketId().equals(forgedTicket));
        http.get().uri("/api/complaints/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.externalReference.ticketId").isEqualTo(ticket);
    }

    @Test
    void zendesk() {
        String ticket = freshTicketId();
        byte[] body = Samples.ZENDESK_TEMPLATE.replace("\"id\": \"7\"", "\"id\": \"" + ticket + "\"")
                .getBytes(StandardCharsets.UTF_8);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String signature = WebhookHttpTest.zendeskSignature(now, body);

        http.post().uri("/api/webhooks/zendesk").contentType(MediaType.APPLICATION_JSON)
                .header("X-Zendesk-Webhook-Signature-Timestamp", now)
                .header("X-Zendesk-Webhook-Signature", Base64.getEncoder().encodeToString(new byte[32]))
                .bodyValue(body).exchange().expectStatus().isUnauthorized();
        String id = accepted(http.post().uri("/api/webhooks/zendesk").contentType(MediaType.APPLICATION_JSON)
                .header("X-Zendesk-Webhook-Signature-Timestamp", now).header("X-Zendesk-Webhook-Signature", signature)
                .header("X-Zendesk-Webhook-Invocation-Id", "1").bodyValue(body));
        String again = accepted(http.post().uri("/api/webhooks/zendesk").contentType(MediaType.APPLICATION_JSON)
                .header("X-Zendesk-Webhook-Signature-Timestamp", now).header("X-Zendesk-Webhook-Signature", signature)
                .header("X-Zendesk-Webhook-Invocation-Id", "1").bodyValue(body));

        assertThat(again).isEqualTo(id);
        ComplaintReceived event = onlyEvent(id);
        assertThat(event.getExternalReference().getTicketId()).isEqualTo(ticket);
        assertThat(event.getIdempotencyKey()).isEqualTo("zendesk:" + ticket);
    }

    @Test
    void freshdesk() {
        String ticket = freshTicketId();
        byte[] body = Samples.text(Samples.FRESHDESK).replace("\"ticket_id\":\"11\"", "\"ticket_id\":\"" + ticket + "\"")
                .getBytes(StandardCharsets.UTF_8);

        http.post().uri("/api/webhooks/freshdesk").contentType(MediaType.APPLICATION_JSON)
                .header("X-Webhook-Token", "wrong").bodyValue(body).exchange().expectStatus().isUnauthorized();
        String id = accepted(http.post().uri("/api/webhooks/freshdesk").contentType(MediaType.APPLICATION_JSON)
                .header("X-Webhook-Token", WebhookHttpTest.FRESHDESK_KEY).bodyValue(body));
        String again = accepted(http.post().uri("/api/webhooks/freshdesk").contentType(MediaType.APPLICATION_JSON)
                .header("X-Webhook-Token", WebhookHttpTest.FRESHDESK_KEY).bodyValue(body));

        assertThat(again).isEqualTo(id);
        assertThat(onlyEvent(id).getExternalReference().getTicketId()).isEqualTo(ticket);
    }

    /**
     * Once its signature verified, a helpdesk is a client of the helpdesk role: a burst beyond that role's budget is
     * a 429 that publishes nothing, and forged deliveries (refused before the count) do not spend its budget.
     */
    @Test
    @Order(Integer.MAX_VALUE) // it empties Zammad's budget: the tests that need it run first
    void aHelpdeskIsAClientOfTheHelpdeskRoleAndItsBurstIsLimitedOnlyOnceAuthenticated() {
        for (int i = 0; i < 3 * HELPDESK_BURST; i++) {
            http.post().uri("/api/webhooks/zammad").contentType(MediaType.APPLICATION_JSON)
                    .header("X-Hub-Signature", "sha1=" + "0".repeat(40)).bodyValue(zammadTicket(freshTicketId()))
                    .exchange().expectStatus().isUnauthorized();
        }
        Map<String, Integer> answers = new java.util.LinkedHashMap<>();
        String limited = null;
        for (int i = 0; i < 2 * HELPDESK_BURST; i++) {
            String ticket = freshTicketId();
            byte[] body = zammadTicket(ticket);
            var answer = http.post().uri("/api/webhooks/zammad").contentType(MediaType.APPLICATION_JSON)
                    .header("X-Hub-Signature", WebhookHttpTest.zammadSignature(body)).bodyValue(body).exchange()
                    .returnResult(String.class);
            answers.put(ticket, answer.getStatus().value());
            if (answer.getStatus().value() == 429 && limited == null) {
                limited = ticket;
                assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(Long.parseLong(answer.getResponseHeaders().getFirst("Retry-After"))).isPositive();
                assertThat(answer.getResponseHeaders().getFirst("RateLimit-Limit"))
                        .isEqualTo(Integer.toString(HELPDESK_BURST));
            }
        }

        assertThat(answers.values().iterator().next()).as("the forged flood spent nothing").isEqualTo(202);
        assertThat(answers).containsValue(429);
        // a marker after every answer: by the time it is read, any event of a refused ticket would be too
        String marker = accepted(http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(com.makeitright.testing.ComplaintRequest.aComplaint()));
        probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, marker, 1);
        List<String> published = probe.events(Topics.COMPLAINTS_RECEIVED).stream()
                .filter(e -> e.getExternalReference() != null).map(e -> e.getExternalReference().getTicketId()).toList();
        answers.forEach((ticket, status) -> assertThat(published.contains(ticket)).as("ticket " + ticket + " answered "
                + status).isEqualTo(status == 202));
    }

    private static byte[] zammadTicket(String ticket) {
        return Samples.text(Samples.ZAMMAD).replace("\"id\": 81,", "\"id\": " + ticket + ",")
                .getBytes(StandardCharsets.UTF_8);
    }
}
