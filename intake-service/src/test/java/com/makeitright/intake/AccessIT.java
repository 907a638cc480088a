package com.makeitright.intake;

import com.makeitright.contract.Topics;
import com.makeitright.events.ContactPreference;
import com.makeitright.events.ContactPreferenceChanged;
import com.makeitright.events.ContactPreferenceReason;
import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyKind;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * rest of Actuator need ops; webhooks and customer pages are reached without a bearer; a burst beyond a client's
 * rate limit is a 429 and publishes nothing. Authority comes from the
 * identity: the approver and fulfiller are the caller, a supervisor cannot approve above their limit (403), a cost in
 * another currency is a 422, and none of these refusals publishes. The helpdesk's bucket refills slowly here, so a
 * burst is limited however fast the machine is.
 */
@WithKafkaBroker
@AutoConfigureWebTestClient(timeout = "PT1M") // not 5 s: a loaded machine answers slowly, and an await retries assertions, not timeouts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "makeitright.kafka.topics.partitions=3",
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/intake-${random.uuid}",
        "makeitright.intake.transactional-id=intake-test-${random.uuid}",
        "makeitright.intake.webhooks.zammad.secret=zammad-token",
        "makeitright.intake.rate-limit.roles.helpdesk.capacity=100",
        "makeitright.intake.rate-limit.roles.helpdesk.per-second=1"})
class AccessIT {

    /** The helpdesk's burst capacity here (its refill: one a second). */
    private static final int HELPDESK_BURST = 100;

    KafkaProbe probe;

    @Autowired
    WebTestClient http;

    @Value("${local.server.port}")
    int port;

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
        awaitStage(id, "AWAITING_APPROVAL");

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
        assertThat(only.getApprover()).isEqualTo("test-supervisor");
        assertOnlyApprovals(id, 1);
    }

    @Test
    void onlyASupervisorMarksACustomerDoNotContactOrLiftsItAndEachChangeIsOneEventKeyedByTheCustomer() {
        String customer = "C-dnc-" + UUID.randomUUID();
        java.util.function.BiFunction<String, Object, WebTestClient.ResponseSpec> mark = (authorization, body) ->
                bare.put().uri("/api/customers/{id}/do-not-contact", customer).contentType(MediaType.APPLICATION_JSON)
                        .headers(h -> authorize(h, authorization)).bodyValue(body).exchange();

        mark.apply(null, Map.of("reason", "CUSTOMER_REQUEST")).expectStatus().isUnauthorized();
        for (String role : new String[]{"agent", "helpdesk", "viewer", "ops"}) {
            mark.apply(bearer(role), Map.of("reason", "CUSTOMER_REQUEST")).expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            bare.delete().uri("/api/customers/{id}/do-not-contact?reason=ENTERED_IN_ERROR", customer)
                    .headers(h -> authorize(h, bearer(role))).exchange().expectStatus().isForbidden();
        }
        mark.apply(bearer("supervisor"), Map.of("reason", "she asked us to stop")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("reason", "CUSTOMER_REQUEST"));
        mark.apply(bearer("supervisor"), Map.of()).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        bare.delete().uri("/api/customers/{id}/do-not-contact", customer)
                .headers(h -> authorize(h, bearer("supervisor"))).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        mark.apply(bearer("supervisor"), Map.of("reason", "CUSTOMER_REQUEST")).expectStatus().isAccepted()
                .expectBody().jsonPath("$.preference").isEqualTo("DO_NOT_CONTACT")
                .jsonPath("$.customerId").isEqualTo(customer);
        bare.delete().uri("/api/customers/{id}/do-not-contact?reason=ENTERED_IN_ERROR", customer)
                .headers(h -> authorize(h, bearer("supervisor"))).exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.preference").isEqualTo("CONTACT_ALLOWED");

        List<ContactPreferenceChanged> changes = probe.awaitEvents(Topics.CONTACT_PREFERENCES, customer, 2);
        assertThat(changes).extracting(ContactPreferenceChanged::getPreference)
                .containsExactly(ContactPreference.DO_NOT_CONTACT, ContactPreference.CONTACT_ALLOWED);
        assertThat(changes).extracting(ContactPreferenceChanged::getReason)
                .containsExactly(ContactPreferenceReason.CUSTOMER_REQUEST, ContactPreferenceReason.ENTERED_IN_ERROR);
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.getCustomerId()).isEqualTo(customer);
            assertThat(change.getChangedBy()).isEqualTo("test-supervisor");
        });
        assertThat(probe.eventsUpToNow(Topics.CONTACT_PREFERENCES, customer)).as("the refused requests published nothing")
                .hasSize(2);
    }

    @Test
    void aSupervisorApprovingAboveTheirLimitIsForbiddenAndTheOwnerIsRecordedAsApprover() {
        String id = Events.newId();
        probe.publish(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).build());
        probe.publish(Topics.REMEDY_OFFERED, id, Events.offered(id).setStatus(OfferStatus.PENDING_APPROVAL)
                .setAuthorityLevel(AuthorityLevel.OWNER).setExpiresAt(Instant.now().plus(Duration.ofDays(3))).build());
        awaitStage(id, "AWAITING_APPROVAL");

        bare.post().uri("/api/complaints/{id}/approval", id).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> authorize(h, bearer("supervisor"))).bodyValue(ActionRequests.approve()).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.reason").isEqualTo("BEYOND_AUTHORITY");
        bare.post().uri("/api/complaints/{id}/approval", id).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> authorize(h, "Bearer " + jwt("olive.owner", "owner")))
                .bodyValue(ActionRequests.approve()).exchange()
                .expectStatus().isAccepted();

        RemedyApprovalDecided only = probe.awaitEvents(Topics.APPROVALS, id, 1).get(0);
        assertThat(only.getApprover()).as("the principal, not the body's approver").isEqualTo("olive.owner");
        assertThat(only.getApproverAuthority()).isEqualTo(AuthorityLevel.OWNER);
        assertOnlyApprovals(id, 1);
    }

    @Test
    void aFulfillmentInAnotherCurrencyIsUnprocessableAndPublishesNothing() {
        String id = Events.newId();
        probe.publish(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).build());
        probe.publish(Topics.REMEDY_OFFERED, id, Events.offered(id).setStatus(OfferStatus.AGREED).build());
        awaitStage(id, "AGREED");

        bare.post().uri("/api/complaints/{id}/fulfillment", id).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> authorize(h, bearer("agent")))
                .bodyValue(java.util.Map.of("reference", "SHIP-9", "actualCost", java.util.Map.of("amount", 20, "currency", "EUR")))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.reason").isEqualTo("COST_CURRENCY");
        bare.post().uri("/api/complaints/{id}/fulfillment", id).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> authorize(h, bearer("agent")))
                .bodyValue(java.util.Map.of("reference", "SHIP-9", "fulfilledBy", "somebody.else",
                        "actualCost", java.util.Map.of("amount", 21, "currency", "USD")))
                .exchange()
                .expectStatus().isAccepted();

        RemedyFulfilled only = probe.awaitEvents(Topics.REMEDY_FULFILLED, id, 1).get(0);
        assertThat(only.getFulfilledBy()).isEqualTo("test-agent");
        String marker = Markers.samePartitionKey(id, 3);
        probe.publish(Topics.REMEDY_FULFILLED, marker, Events.fulfilled(marker, "o-marker", RemedyKind.REPLACEMENT).build());
        probe.awaitEvents(Topics.REMEDY_FULFILLED, marker, 1);
        assertThat(probe.eventsFor(Topics.REMEDY_FULFILLED, id)).hasSize(1);
    }

    @Test
    void onlyAnAgentMayApproveAnAcknowledgementAndOnePostPublishesOneEventNamingTheAgent() {
        String id = Events.newId();
        probe.publish(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).build());
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, Events.acknowledged(id).setReviewNeeded(true).build());
        awaitStage(id, "ACKNOWLEDGED");
        Map<String, String> body = Map.of("text", "We are sorry. The right CD is on its way today.");

        approveAcknowledgement(id, null, body).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        for (String role : new String[]{"viewer", "helpdesk", "supervisor", "owner", "ops"}) {
            approveAcknowledgement(id, bearer(role), body).expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        String eventId = approveAcknowledgement(id, "Bearer " + jwt("alex.agent", "agent"), body)
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("eventId").toString();

        AcknowledgementApproved only = probe.awaitEvents(Topics.ACKNOWLEDGEMENT_APPROVALS, id, 1).get(0);
        assertThat(only.getEventId()).isEqualTo(eventId);
        assertThat(only.getApprovedBy()).as("the principal").isEqualTo("alex.agent");
        assertThat(only.getText()).isEqualTo(body.get("text"));
        assertThat(only.getEdited()).isTrue();
        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> bare.get().uri("/api/complaints/{id}", id)
                .headers(h -> authorize(h, bearer("viewer"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.acknowledgementApproval.approvedBy").isEqualTo("alex.agent")
                .jsonPath("$.acknowledgementApproval.edited").isEqualTo(true)
                .jsonPath("$.acknowledgementApproval.approvedAt").isEqualTo(only.getOccurredAt().toString()));
        approveAcknowledgement(id, bearer("agent"), body).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.reason").isEqualTo("ALREADY_APPROVED");

        String marker = Markers.samePartitionKey(id, 3);
        probe.publish(Topics.ACKNOWLEDGEMENT_APPROVALS, marker,
                Events.acknowledgementApproved(Events.acknowledged(marker).build()).build());
        probe.awaitEvents(Topics.ACKNOWLEDGEMENT_APPROVALS, marker, 1);
        assertThat(probe.eventsFor(Topics.ACKNOWLEDGEMENT_APPROVALS, id)).hasSize(1);
    }

    private WebTestClient.ResponseSpec approveAcknowledgement(String id, String authorization, Object body) {
        return bare.post().uri("/api/complaints/{id}/acknowledgement", id).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> authorize(h, authorization)).bodyValue(body).exchange();
    }

    private void awaitStage(String id, String stage) {
        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> bare.get().uri("/api/complaints/{id}", id)
                .headers(h -> authorize(h, bearer("viewer"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.stage").isEqualTo(stage));
    }

    private void assertOnlyApprovals(String id, int count) {
        String marker = Markers.samePartitionKey(id, 3);
        probe.publish(Topics.APPROVALS, marker, Events.approvalDecided(marker, "o-marker", ApprovalDecision.APPROVED).build());
        probe.awaitEvents(Topics.APPROVALS, marker, 1);
        assertThat(probe.eventsFor(Topics.APPROVALS, id)).hasSize(count);
    }

    @Test
    void aBurstOfAThousandFromOneClientIsLimitedAndALimitedRequestPublishesNothing() {
        // A person of their own (a JWT subject), so the burst empties no other test's bucket.
        String authorization = "Bearer " + jwt("burst.helpdesk-" + UUID.randomUUID(), "helpdesk");
        String customer = "C-burst-" + UUID.randomUUID();
        ComplaintRequest request = ComplaintRequest.aComplaint().withCustomerId(customer);
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, authorization).build();

        List<ResponseEntity<String>> answers = Flux.range(0, 1000)
                .flatMap(i -> client.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(request).exchangeToMono(response -> response.toEntity(String.class)), 64)
                .collectList().block(KafkaProbe.PATIENCE);

        List<ResponseEntity<String>> limited = answers.stream()
                .filter(a -> a.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS).toList();
        long accepted = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.ACCEPTED).count();
        assertThat(limited).as("a burst beyond the helpdesk's capacity").isNotEmpty();
        assertThat(accepted).isLessThan(1000);
        ResponseEntity<String> one = limited.get(0);
        assertThat(one.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(one.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
        assertThat(one.getHeaders().getFirst("RateLimit-Limit")).isEqualTo(Integer.toString(HELPDESK_BURST));
        assertThat(one.getHeaders().getFirst("RateLimit-Remaining")).isEqualTo("0");
        assertThat(one.getHeaders().getFirst("RateLimit-Reset")).isNotBlank();
        assertThat(answers.stream().filter(a -> a.getStatusCode() == HttpStatus.ACCEPTED).findFirst().orElseThrow()
                .getHeaders().getFirst("RateLimit-Remaining")).isNotBlank();

        // the same complaint again is a repeat contact of the customer's open case: ComplaintContactAdded
        long received = probe.recordsUpToNow(Topics.COMPLAINTS_RECEIVED.name()).stream()
                .map(record -> Topics.COMPLAINTS_RECEIVED.serde().deserializer()
                        .deserialize(Topics.COMPLAINTS_RECEIVED.name(), record.value()))
                .filter(event -> customer.equals(event.getCustomer().getId())).count();
        long contacts = probe.recordsUpToNow(Topics.CONTACTS_ADDED.name()).stream()
                .map(record -> Topics.CONTACTS_ADDED.serde().deserializer()
                        .deserialize(Topics.CONTACTS_ADDED.name(), record.value()))
                .filter(event -> customer.equals(event.getCustomerId())).count();
        assertThat(received + contacts).as("one event per 202, none per 429").isEqualTo(accepted);
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
        // Reaches the webhook controller, which asks for the helpdesk's signature, not a bearer.
        bare.post().uri("/api/webhooks/zammad").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> authorize(h, null)).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Signature");
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
