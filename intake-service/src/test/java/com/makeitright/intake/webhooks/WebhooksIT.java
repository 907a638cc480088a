package com.makeitright.intake.webhooks;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each helpdesk's sample posted to intake on a real broker: a signed body is one {@code ComplaintReceived} (real
 * Avro bytes) carrying the helpdesk's ticket, a second delivery publishes nothing new, a bad signature nothing at all.
 */
@WithKafkaBroker
@AutoConfigureWebTestClient
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "makeitright.kafka.topics.partitions=3",
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/intake-${random.uuid}",
        "makeitright.intake.transactional-id=intake-test-${random.uuid}",
        "makeitright.intake.webhooks.zammad.secret=" + WebhookHttpTest.ZAMMAD_SECRET,
        "makeitright.intake.webhooks.zendesk.secret=" + WebhookHttpTest.ZENDESK_SECRET,
        "makeitright.intake.webhooks.freshdesk.api-key=" + WebhookHttpTest.FRESHDESK_KEY})
class WebhooksIT {

    KafkaProbe probe;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
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
}
