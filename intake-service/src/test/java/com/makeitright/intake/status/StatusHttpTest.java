package com.makeitright.intake.status;

import com.makeitright.contract.Monies;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.NotificationKind;
import com.makeitright.events.RemedyKind;
import com.makeitright.intake.testing.InMemoryViews;
import com.makeitright.intake.testing.SliceStubs;
import com.makeitright.platform.ProblemDetailsAdvice;
import com.makeitright.testing.Events;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/complaints/{id}} over HTTP: the folded view as JSON with exact money, 404 as a problem. */
@WebFluxTest(controllers = StatusController.class)
@Import({ProblemDetailsAdvice.class, SliceStubs.class})
class StatusHttpTest {

    @Autowired
    WebTestClient http;

    @Autowired
    InMemoryViews views;

    @Test
    void showsTheComplaintWithExactMoney() {
        String id = Events.newId();
        views.record(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).build());
        views.record(Topics.REMEDY_OFFERED, id, Events.offered(id).setKind(RemedyKind.REFUND_PARTIAL)
                .setAmount(Monies.of("24.50", "USD")).build());

        String json = http.get().uri("/api/complaints/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(json).contains("\"stage\":\"OFFERED\"", "\"amount\":{\"amount\":24.50,\"currency\":\"USD\"}",
                "\"complaintId\":\"" + id + "\"", "\"type\":\"RemedyOffered\"");
    }

    @Test
    void showsWhenTheAcknowledgementWasSentAndWhetherWithoutReview() {
        String id = Events.newId();
        views.record(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).build());
        ComplaintAcknowledged acknowledged = Events.acknowledged(id).build();
        views.record(Topics.COMPLAINTS_ACKNOWLEDGED, id, acknowledged);
        views.record(Topics.CUSTOMER_NOTIFIED, id, Events.customerNotified(id, NotificationKind.ACKNOWLEDGEMENT)
                .setCausationId(acknowledged.getEventId())
                .setOccurredAt(java.time.Instant.parse("2026-12-07T03:00:00Z")).build());

        http.get().uri("/api/complaints/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.acknowledgementSent.sentAt").isEqualTo("2026-12-07T03:00:00Z")
                .jsonPath("$.acknowledgementSent.automatically").isEqualTo(true);
    }

    @Test
    void aPathIdThatIsNoIdIsABadRequestProblemNotAServerError() {
        for (String bad : new String[]{"abc%0d%0a", "%00", "x".repeat(65), "..%2F..", "%E2%80%8B"}) {
            http.get().uri(java.net.URI.create("/api/complaints/" + bad)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("complaintId");
        }
        // the ids intake generates (UUIDs) and the 64-character limit itself stay valid
        http.get().uri("/api/complaints/{id}", Events.newId()).exchange().expectStatus().isNotFound();
        http.get().uri("/api/complaints/{id}", "A_z-9".repeat(12) + "abcd").exchange().expectStatus().isNotFound();
    }

    @Test
    void anUnknownComplaintIsANotFoundProblem() {
        http.get().uri("/api/complaints/{id}", "no-such-complaint").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Unknown complaint")
                .jsonPath("$.detail").isEqualTo("No complaint no-such-complaint has been received")
                .jsonPath("$.instance").isEqualTo("/api/complaints/no-such-complaint");
    }
}
