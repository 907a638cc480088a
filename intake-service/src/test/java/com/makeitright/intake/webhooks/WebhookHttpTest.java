package com.makeitright.intake.webhooks;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.intake.submission.ComplaintSubmission;
import com.makeitright.intake.testing.InMemoryViews;
import com.makeitright.intake.testing.RecordingPublisher;
import com.makeitright.intake.testing.InMemorySealing;
import com.makeitright.intake.testing.SliceStubs;
import com.makeitright.platform.ProblemDetailsAdvice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The three webhook endpoints over HTTP with Kafka replaced by stubs: authentication, mapping, deduplication. */
@WebFluxTest(controllers = WebhookController.class, properties = {
        "makeitright.intake.webhooks.zammad.secret=" + WebhookHttpTest.ZAMMAD_SECRET,
        "makeitright.intake.webhooks.zendesk.secret=" + WebhookHttpTest.ZENDESK_SECRET,
        "makeitright.intake.webhooks.freshdesk.username=freshdesk",
        "makeitright.intake.webhooks.freshdesk.password=" + WebhookHttpTest.FRESHDESK_PASSWORD,
        "makeitright.intake.webhooks.freshdesk.api-key=" + WebhookHttpTest.FRESHDESK_KEY,
        // the worked example of docs/http-api.md
        "makeitright.intake.webhooks.generic.acme.secret=acme-secret",
        "makeitright.intake.webhooks.generic.acme.algorithm=HmacSHA256",
        "makeitright.intake.webhooks.generic.acme.encoding=hex",
        "makeitright.intake.webhooks.generic.acme.signature-header=X-Acme-Signature",
        "makeitright.intake.webhooks.generic.acme.signature-prefix=sha256=",
        "makeitright.intake.webhooks.generic.acme.delivery-header=X-Acme-Delivery",
        "makeitright.intake.webhooks.generic.acme.fields.ticket-id=/ticket/number",
        "makeitright.intake.webhooks.generic.acme.fields.subject=/ticket/title",
        "makeitright.intake.webhooks.generic.acme.fields.description=/ticket/body_html",
        "makeitright.intake.webhooks.generic.acme.fields.description-html=true",
        "makeitright.intake.webhooks.generic.acme.fields.name=/requester/display_name",
        "makeitright.intake.webhooks.generic.acme.fields.email=/requester/mail",
        "makeitright.intake.webhooks.generic.acme.fields.channel=/ticket/origin",
        "makeitright.intake.webhooks.generic.acme.channels.mail=EMAIL"})
@Import({ComplaintSubmission.class, ProblemDetailsAdvice.class, SliceStubs.class})
class WebhookHttpTest {

    static final String ZAMMAD_SECRET = "zammad-token";
    static final String ZENDESK_SECRET = "zendesk-signing-secret";
    static final String FRESHDESK_PASSWORD = "freshdesk-password";
    static final String FRESHDESK_KEY = "freshdesk-api-key";

    @Autowired
    WebTestClient http;

    @Autowired
    RecordingPublisher publisher;

    @Autowired
    InMemorySealing sealing;

    @Autowired
    InMemoryViews views;

    @BeforeEach
    void clean() {
        // loading Topics trusts the event classes for Avro (AvroTrust), as the running service does at start-up
        assertThat(Topics.COMPLAINTS_RECEIVED.name()).isNotBlank();
        publisher.clear();
        views.clear();
    }

    static String zammadSignature(byte[] body) {
        return "sha1=" + HexFormat.of().formatHex(WebhookAuth.hmac("HmacSHA1", ZAMMAD_SECRET, body));
    }

    static String zendeskSignature(String timestamp, byte[] body) {
        byte[] signed = (timestamp + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(WebhookAuth.hmac("HmacSHA256", ZENDESK_SECRET, signed));
    }

    private WebTestClient.ResponseSpec zammad(byte[] body, String signature, String delivery) {
        return http.post().uri("/api/webhooks/zammad").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (signature != null) {
                        h.set("X-Hub-Signature", signature);
                    }
                    h.set("X-Zammad-Delivery", delivery);
                })
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec zendesk(byte[] body, String timestamp, String signature) {
        return http.post().uri("/api/webhooks/zendesk").contentType(MediaType.APPLICATION_JSON)
                .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                .header("X-Zendesk-Webhook-Signature", signature)
                .header("X-Zendesk-Webhook-Invocation-Id", "8350205582")
                .bodyValue(body).exchange();
    }

    private ComplaintReceived onlyPublished() {
        assertThat(publisher.published()).hasSize(1);
        return (ComplaintReceived) publisher.published().get(0).event();
    }

    @Test
    void zammadSignedSampleIsOneComplaintWithItsTicket() {
        byte[] body = Samples.bytes(Samples.ZAMMAD);

        zammad(body, zammadSignature(body), "d-1").expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/complaints/[0-9a-f-]{36}")
                .expectBody().jsonPath("$.stage").isEqualTo("RECEIVED");

        ComplaintReceived event = onlyPublished();
        assertThat(event.getExternalReference().getSystem()).isEqualTo("zammad");
        assertThat(event.getExternalReference().getTicketId()).isEqualTo("81");
        assertThat(event.getIdempotencyKey()).isEqualTo("zammad:81");
        assertThat(event.getCustomer().getEmail()).isNull(); // sealed (docs/privacy.md)
        assertThat(((ComplaintReceived) sealing.open(null, event)).getCustomer().getEmail())
                .isEqualTo("emily@example.com");
        assertThat(event.getDescription()).isEqualTo("This is a simple Webhook Test.");
    }

    @Test
    void zammadRedeliveredSameOrDifferentDeliveryIdIsTheSameComplaint() {
        byte[] body = Samples.bytes(Samples.ZAMMAD);
        String first = zammad(body, zammadSignature(body), "d-1").expectStatus().isAccepted()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();

        zammad(body, zammadSignature(body), "d-1").expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true").expectHeader().location(first);
        zammad(body, zammadSignature(body), "d-2").expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true").expectHeader().location(first);

        onlyPublished();
    }

    @Test
    void zammadWrongOrMissingSignatureIsUnauthorizedAndPublishesNothing() {
        byte[] body = Samples.bytes(Samples.ZAMMAD);
        byte[] tampered = Samples.text(Samples.ZAMMAD).replace("Webhook-Test", "Webhook-Tset").getBytes(StandardCharsets.UTF_8);

        zammad(tampered, zammadSignature(body), "d-1").expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        zammad(body, null, "d-1").expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void zendeskSignedTemplateIsOneComplaint() {
        byte[] body = Samples.ZENDESK_TEMPLATE.getBytes(StandardCharsets.UTF_8);
        String now = SliceStubs.NOW.toString();

        zendesk(body, now, zendeskSignature(now, body)).expectStatus().isAccepted();
        zendesk(body, now, zendeskSignature(now, body)).expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");

        ComplaintReceived event = onlyPublished();
        assertThat(event.getExternalReference().getTicketId()).isEqualTo("7");
        assertThat(event.getExternalReference().getUrl()).isEqualTo("https://asdf1640.zendesk.com/agent/tickets/7");
        assertThat(event.getChannel().name()).isEqualTo("EMAIL");
    }

    @Test
    void zendeskWrongSignatureOrStaleTimestampIsUnauthorized() {
        byte[] body = Samples.ZENDESK_TEMPLATE.getBytes(StandardCharsets.UTF_8);
        String now = SliceStubs.NOW.toString();
        String stale = SliceStubs.NOW.minus(Duration.ofMinutes(6)).toString();

        zendesk(body, now, zendeskSignature(stale, body)).expectStatus().isUnauthorized();
        zendesk(body, stale, zendeskSignature(stale, body)).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("away from now"));

        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void zendeskEventSubscriptionWithoutContactIsABadRequestNamingIt() {
        byte[] body = Samples.bytes(Samples.ZENDESK_EVENT);
        String now = SliceStubs.NOW.toString();

        zendesk(body, now, zendeskSignature(now, body)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == 'customer.email')]").exists();

        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void freshdeskWithBasicOrApiKeyIsOneComplaintPerTicket() {
        byte[] body = Samples.bytes(Samples.FRESHDESK);

        http.post().uri("/api/webhooks/freshdesk").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth("freshdesk", FRESHDESK_PASSWORD)).bodyValue(body).exchange()
                .expectStatus().isAccepted();
        http.post().uri("/api/webhooks/freshdesk").contentType(MediaType.APPLICATION_JSON)
                .header("X-Webhook-Token", FRESHDESK_KEY).bodyValue(body).exchange()
                .expectStatus().isAccepted().expectHeader().valueEquals("Idempotent-Replayed", "true");

        ComplaintReceived event = onlyPublished();
        assertThat(event.getExternalReference().getSystem()).isEqualTo("freshdesk");
        assertThat(event.getExternalReference().getTicketId()).isEqualTo("11");
        assertThat(event.getDescription()).isEqualTo("Test ticket description ☃.");
    }

    @Test
    void freshdeskWrongCredentialsAreUnauthorized() {
        byte[] body = Samples.bytes(Samples.FRESHDESK);

        http.post().uri("/api/webhooks/freshdesk").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth("freshdesk", "guess")).bodyValue(body).exchange()
                .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/webhooks/freshdesk").contentType(MediaType.APPLICATION_JSON)
                .header("X-Webhook-Token", "guess").bodyValue(body).exchange()
                .expectStatus().isUnauthorized();
        http.post().uri("/api/webhooks/freshdesk").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isUnauthorized();

        assertThat(publisher.published()).isEmpty();
    }

    static final String ACME = """
            {"ticket": {"number": "A-17", "title": "Kettle leaks", "body_html": "<p>It leaks &amp; hisses.</p>",
                        "origin": "Mail"},
             "requester": {"display_name": "Kim Lee", "mail": "kim@example.com"}}""";

    @Test
    void aGenericSourceIsMappedByItsConfiguration() {
        byte[] body = ACME.getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + HexFormat.of().formatHex(WebhookAuth.hmac("HmacSHA256", "acme-secret", body));

        http.post().uri("/api/webhooks/acme").contentType(MediaType.APPLICATION_JSON)
                .header("X-Acme-Signature", signature).bodyValue(body).exchange().expectStatus().isAccepted();
        http.post().uri("/api/webhooks/acme").contentType(MediaType.APPLICATION_JSON)
                .header("X-Acme-Signature", signature).bodyValue(body).exchange().expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        http.post().uri("/api/webhooks/acme").contentType(MediaType.APPLICATION_JSON)
                .header("X-Acme-Signature", "sha256=00").bodyValue(body).exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/webhooks/nobody").contentType(MediaType.APPLICATION_JSON)
                .header("X-Acme-Signature", signature).bodyValue(body).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        ComplaintReceived event = onlyPublished();
        assertThat(event.getExternalReference().getSystem()).isEqualTo("acme");
        assertThat(event.getExternalReference().getTicketId()).isEqualTo("A-17");
        assertThat(event.getDescription()).isEqualTo("It leaks & hisses.");
        assertThat(event.getCustomer().getId()).isEqualTo("acme-kim@example.com");
        assertThat(event.getChannel().name()).isEqualTo("EMAIL");
    }

    @Test
    void aSignedButMalformedBodyIsABadRequestNamingTheBody() {
        byte[] body = "{\"ticket\": ".getBytes(StandardCharsets.UTF_8);

        zammad(body, zammadSignature(body), "d-1").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");

        assertThat(publisher.published()).isEmpty();
    }
}
