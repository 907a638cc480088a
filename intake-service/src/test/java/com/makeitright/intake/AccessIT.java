package com.makeitright.intake;

import com.makeitright.contract.Topics;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyOffered;
import com.makeitright.intake.testing.ActionRequests;
import com.makeitright.intake.testing.Markers;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.makeitright.testing.security.TestCredentials.bearer;
import static com.makeitright.testing.security.TestCredentials.jwt;
import static com.makeitright.testing.security.TestCredentials.jwtOfUnknownIssuer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what on intake, over real HTTP on a real broker (SECURITY.md): no or a bad bearer is a 401
 * problem+json with {@code WWW-Authenticate: Bearer}, a wrong role a 403, and neither publishes anything; API keys
 * and the identity provider's JWTs both authenticate; health status and probes are open, their details and the
 * rest of Actuator need ops; webhooks and customer pages are reached without a bearer. Same configuration as
 * {@link IntakeIT}, so it shares its Spring context and broker.
 */
@WithKafkaBroker
@AutoConfigureWebTestClient
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "makeitright.kafka.topics.partitions=" + IntakeIT.PARTITIONS,
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/intake-${random.uuid}",
        "makeitright.intake.transactional-id=intake-test-${random.uuid}"
})
class AccessIT {

    KafkaProbe probe;

    @Autowired
    WebTestClient http;

    /** The same client without the suite's default credential: each request sends what the test gives it. */
    WebTestClient bare;

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
        this.bare = http.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build();
    }

    private WebTestClient.ResponseSpec postComplaint(String authorization, ComplaintRequest request) {
        return bare.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> authorize(headers, authorization)).bodyValue(request).exchange();
    }

    private static void authorize(HttpHeaders headers, String authorization) {
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
    }

    @Test
    void withoutACredentialOrWithABadOneAComplaintIsUnauthorizedAndNothingIsPublished() {
        String customer = "C-refused-" + UUID.randomUUID();
        ComplaintRequest request = ComplaintRequest.aComplaint().withCustomerId(customer);

        postComplaint(null, request).expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.detail").exists();
        String wrongKey = "mir_not_a_key_" + UUID.randomUUID();
        postComplaint("Bearer " + wrongKey, request).expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value)
                        .startsWith("Bearer").contains("invalid_token"))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(wrongKey));
        postComplaint("Bearer " + jwtOfUnknownIssuer("mallory", "helpdesk"), request).expectStatus().isUnauthorized();
        postComplaint("Basic aGVscGRlc2s6aGVscGRlc2s=", request).expectStatus().isUnauthorized();

        assertNoComplaintOf(customer);
    }

    @Test
    void aRoleThatMayNotPostIsForbiddenAndNothingIsPublished() {
        String customer = "C-forbidden-" + UUID.randomUUID();
        ComplaintRequest request = ComplaintRequest.aComplaint().withCustomerId(customer);

        for (String role : new String[]{"viewer", "agent", "supervisor", "owner", "ops"}) {
            postComplaint(bearer(role), request).expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(403);
        }
        postComplaint("Bearer " + jwt("vera.viewer", "viewer"), request).expectStatus().isForbidden();

        assertNoComplaintOf(customer);
    }

    @Test
    void aHelpdeskKeyAndAHelpdeskPersonsJwtMayPost() {
        postComplaint(bearer("helpdesk"), ComplaintRequest.aComplaint()).expectStatus().isAccepted();
        postComplaint("Bearer " + jwt("hana.helpdesk", "helpdesk"), ComplaintRequest.aComplaint())
                .expectStatus().isAccepted();
    }

    @Test
    void onlyASupervisorOrOwnerMayDecideAnApprovalAndARefusedOnePublishesNothing() {
        String id = Events.newId();
        probe.publish(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).build());
        RemedyOffered pending = Events.offered(id).setStatus(OfferStatus.PENDING_APPROVAL)
                .setExpiresAt(Instant.now().plus(Duration.ofDays(3))).build();
        probe.publish(Topics.REMEDY_OFFERED, id, pending);
        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> bare.get().uri("/api/complaints/{id}", id)
                .headers(h -> authorize(h, bearer("viewer"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.stage").isEqualTo("AWAITING_APPROVAL"));

        for (String role : new String[]{"agent", "helpdesk", "viewer", "ops"}) {
            bare.post().uri("/api/complaints/{id}/approval", id).contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> authorize(h, bearer(role))).bodyValue(ActionRequests.approve())
                    .exchange().expectStatus().isForbidden();
        }
        bare.post().uri("/api/complaints/{id}/approval", id).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> authorize(h, bearer("supervisor"))).bodyValue(ActionRequests.approve())
                .exchange().expectStatus().isAccepted();

        RemedyApprovalDecided only = probe.awaitEvents(Topics.APPROVALS, id, 1).get(0);
        assertThat(only.getDecision()).isEqualTo(ApprovalDecision.APPROVED);
        String marker = Markers.samePartitionKey(id, IntakeIT.PARTITIONS);
        probe.publish(Topics.APPROVALS, marker, Events.approvalDecided(marker, "o-marker", ApprovalDecision.APPROVED).build());
        probe.awaitEvents(Topics.APPROVALS, marker, 1);
        assertThat(probe.eventsFor(Topics.APPROVALS, id)).hasSize(1);
    }

    @Test
    void healthStatusAndProbesAreOpenButDetailsAndMetricsAreForOps() {
        bare.get().uri("/actuator/health").headers(h -> authorize(h, null)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        bare.get().uri("/actuator/health/liveness").headers(h -> authorize(h, null)).exchange().expectStatus().isOk();
        bare.get().uri("/actuator/health/readiness").headers(h -> authorize(h, null)).exchange().expectStatus().isOk();
        bare.get().uri("/actuator/health").headers(h -> authorize(h, bearer("ops"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.components").exists();

        bare.get().uri("/actuator/prometheus").headers(h -> authorize(h, null)).exchange()
                .expectStatus().isUnauthorized();
        bare.get().uri("/actuator/prometheus").headers(h -> authorize(h, bearer("viewer"))).exchange()
                .expectStatus().isForbidden();
        bare.get().uri("/actuator/prometheus").headers(h -> authorize(h, bearer("ops"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void webhooksAndCustomerPagesTakeTheirOwnCredentialsNotABearer() {
        // Reaches the webhook controller, which answers for itself (no helpdesk is configured here).
        bare.post().uri("/api/webhooks/zammad").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> authorize(h, null)).bodyValue("{}").exchange()
                .expectStatus().isNotFound()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
        // Reaches the customer page, which refuses a bad link token in its own words.
        bare.get().uri("/customer/answer?token=not-a-token").headers(h -> authorize(h, null)).exchange()
                .expectStatus().value(status -> assertThat(status).isNotEqualTo(HttpStatus.UNAUTHORIZED.value()))
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void anUnmappedPathIsRefusedEvenToEveryRole() {
        http.get().uri("/api/not-mapped").exchange().expectStatus().isForbidden();
    }

    private void assertNoComplaintOf(String customer) {
        String marker = postComplaint(bearer("helpdesk"), ComplaintRequest.aComplaint()).expectStatus().isAccepted()
                .expectBody(java.util.Map.class).returnResult().getResponseBody().get("complaintId").toString();
        probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, marker, 1);
        assertThat(probe.events(Topics.COMPLAINTS_RECEIVED)).extracting(ComplaintReceived::getCustomer)
                .noneMatch(c -> customer.equals(c.getId()));
    }
}
