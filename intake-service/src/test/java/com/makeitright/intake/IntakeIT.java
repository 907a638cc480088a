package com.makeitright.intake;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.Channel;
import com.makeitright.events.ComplaintContactAdded;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ContactMatch;
import com.makeitright.events.Customer;
import com.makeitright.events.CustomerErased;
import com.makeitright.events.CustomerTier;
import com.makeitright.events.ErasureReason;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.Order;
import com.makeitright.events.Priority;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResponseDecision;
import com.makeitright.intake.contacts.OpenCases;
import com.makeitright.intake.testing.ActionRequests;
import com.makeitright.intake.testing.Markers;
import com.makeitright.platform.privacy.CustomerDataKeys;
import com.makeitright.platform.privacy.PersonalData;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.LabeledExamples;
import com.makeitright.testing.RawTopics;
import com.makeitright.testing.WithKafkaBroker;
import com.makeitright.testing.security.TestCredentials;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Intake on a real broker, over real HTTP: complaints become {@code ComplaintReceived} events (real Avro bytes),
 * idempotent retries publish nothing new, the status view follows the events other services publish, refused
 * requests publish nothing, and a reopen publishes its two events in one transaction.
 */
@WithKafkaBroker
@AutoConfigureWebTestClient(timeout = "PT1M") // not 5 s: a loaded machine answers slowly, and an await retries assertions, not timeouts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "makeitright.kafka.topics.partitions=" + IntakeIT.PARTITIONS,
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/intake-${random.uuid}",
        "makeitright.intake.transactional-id=intake-test-${random.uuid}",
        // closed cases' personal data expire within the test (the retention test below)
        "makeitright.intake.personal-data.retention=" + IntakeIT.RETENTION_SECONDS + "s",
        "makeitright.intake.personal-data.check-every=200ms"
})
class IntakeIT {

    static final int PARTITIONS = 3;
    static final int RETENTION_SECONDS = 2;
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    KafkaProbe probe;

    @Value("${local.server.port}")
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    WebTestClient http;

    @Autowired
    OpenCases openCases;

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
    }

    // ---------------------------------------------------------------- POST /api/complaints

    @Test
    void aComplaintBecomesAComplaintReceivedEventWithEveryField() {
        ComplaintRequest request = ComplaintRequest.aComplaint().withChannel("PHONE").withTier("GOLD")
                .withCompletedFraction("0.5");

        EntityExchangeResult<Map<String, Object>> result = http.post().uri("/api/complaints")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(JSON_MAP).returnResult();

        String id = (String) result.getResponseBody().get("complaintId");
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/complaints/" + id);
        assertThat(result.getResponseBody()).containsEntry("stage", "RECEIVED")
                .containsEntry("statusUrl", "/api/complaints/" + id);
        ComplaintReceived event = probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, id, 1).get(0);
        assertThat(event.getComplaintId()).isEqualTo(id);
        assertThat(event.getRound()).isEqualTo(1);
        assertThat(event.getCausationId()).isNull();
        assertThat(event.getReopenedFrom()).isNull();
        assertThat(event.getIdempotencyKey()).isNull();
        assertThat(event.getChannel()).isEqualTo(Channel.PHONE);
        assertThat(event.getSubject()).isEqualTo(request.subject());
        assertThat(event.getDescription()).isEqualTo(request.description());
        assertThat(event.getDesiredOutcome()).isEqualTo(request.desiredOutcome());
        assertThat(event.getCustomer().getId()).isEqualTo(request.customer().id());
        // the contact details travel sealed (docs/privacy.md); the status view opens them
        assertThat(event.getCustomer().getName()).isEmpty();
        assertThat(event.getCustomer().getEmail()).isNull();
        assertThat(event.getCustomer().getSealed()).isNotNull();
        assertThat(event.getCustomer().getTier()).isEqualTo(CustomerTier.GOLD);
        assertThat(event.getOrder().getId()).isEqualTo(request.order().id());
        assertThat(event.getOrder().getAmount().getAmount()).isEqualByComparingTo("49.00");
        assertThat(event.getOrder().getAmount().getCurrency()).isEqualTo("USD");
        assertThat(event.getOrder().getCompletedFraction()).isEqualByComparingTo("0.5");
    }

    @Test
    void everyLabeledExampleIsAccepted() {
        for (LabeledExamples.Example example : LabeledExamples.all()) {
            http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue(example.complaintJson())
                    .exchange()
                    .expectStatus().isAccepted();
        }
        assertThat(LabeledExamples.all()).hasSize(16);
    }

    @Test
    void anInvalidComplaintIsRefusedAndPublishesNothing() {
        String customerId = "C-invalid-" + UUID.randomUUID();
        ComplaintRequest invalid = ComplaintRequest.aComplaint().withCustomerId(customerId)
                .withOrderAmount("12.345", "KWD");

        http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue(invalid)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'order.amount')]").exists()
                .jsonPath("$.errors[?(@.field == 'order.currency')]").exists();
        String marker = submit(ComplaintRequest.aComplaint());

        probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, marker, 1);
        assertThat(probe.events(Topics.COMPLAINTS_RECEIVED))
                .noneMatch(event -> event.getCustomer().getId().equals(customerId));
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"customer\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Malformed request");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameComplaintAndPublishesNothingNew() {
        String key = "retry-" + UUID.randomUUID();
        ComplaintRequest request = ComplaintRequest.aComplaint();
        String first = submit(request, key);

        EntityExchangeResult<Map<String, Object>> retry = http.post().uri("/api/complaints")
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().location("/api/complaints/" + first)
                .expectBody(JSON_MAP).returnResult();

        assertThat(retry.getResponseBody()).containsEntry("complaintId", first).containsEntry("stage", "RECEIVED");
        assertOnlyEvents(Topics.COMPLAINTS_RECEIVED, first, 1, Events::received);
        assertThat(probe.eventsFor(Topics.COMPLAINTS_RECEIVED, first).get(0).getIdempotencyKey()).isEqualTo(key);
    }

    @Test
    void theSameIdempotencyKeyWithADifferentBodyIsRefusedWith422() {
        String key = "reuse-" + UUID.randomUUID();
        String first = submit(ComplaintRequest.aComplaint(), key);

        http.post().uri("/api/complaints").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ComplaintRequest.aComplaint().withSubject("Something else entirely"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(key));
        assertOnlyEvents(Topics.COMPLAINTS_RECEIVED, first, 1, Events::received);
    }

    @Test
    void identicalRequestsRacingWithOneKeyPublishOneComplaint() {
        String key = "race-" + UUID.randomUUID();
        ComplaintRequest request = ComplaintRequest.aComplaint();
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestCredentials.bearer("helpdesk")).build();

        List<Map.Entry<String, Boolean>> answers = Flux.range(0, 8)
                .flatMap(i -> client.post().uri("/api/complaints").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                        .exchangeToMono(response -> {
                            assertThat(response.statusCode()).isEqualTo(HttpStatus.ACCEPTED);
                            boolean replayed = "true".equals(response.headers().asHttpHeaders().getFirst("Idempotent-Replayed"));
                            return response.bodyToMono(JSON_MAP)
                                    .map(body -> Map.entry((String) body.get("complaintId"), replayed));
                        }), 8)
                .collectList().block(KafkaProbe.PATIENCE);

        assertThat(answers).hasSize(8);
        assertThat(answers).extracting(Map.Entry::getKey).containsOnly(answers.get(0).getKey());
        assertThat(answers).filteredOn(answer -> !answer.getValue()).hasSize(1);
        assertOnlyEvents(Topics.COMPLAINTS_RECEIVED, answers.get(0).getKey(), 1, Events::received);
    }

    @Test
    void anInvalidIdempotencyKeyIsABadRequest() {
        http.post().uri("/api/complaints").header("Idempotency-Key", "x".repeat(201))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ComplaintRequest.aComplaint())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    // ---------------------------------------------------------------- GET and the lifecycle

    @Test
    void theStatusFollowsTheLifecycleFromReceivedToClosed() {
        String id = submit(ComplaintRequest.aComplaint());
        ComplaintReceived received = probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, id, 1).get(0);
        assertThat(status(id)).containsEntry("stage", "RECEIVED").containsEntry("round", 1);

        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id,
                Events.acknowledged(id).setCausationId(received.getEventId()).build());
        awaitStage(id, "ACKNOWLEDGED");

        RemedyOffered offer = Events.offered(id).build();
        probe.publish(Topics.REMEDY_OFFERED, id, offer);
        Map<String, Object> offered = awaitStage(id, "OFFERED");
        assertThat(offered.get("openOffer")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("offerId", offer.getOfferId()).containsEntry("status", "OPEN");

        http.post().uri("/api/complaints/{id}/remedy-response", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ActionRequests.accept(offer.getOfferId()))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().location("/api/complaints/" + id)
                .expectBody()
                .jsonPath("$.complaintId").isEqualTo(id)
                .jsonPath("$.offerId").isEqualTo(offer.getOfferId())
                .jsonPath("$.decision").isEqualTo("ACCEPT");
        RemedyResponded response = probe.awaitEvents(Topics.REMEDY_RESPONSES, id, 1).get(0);
        assertThat(response.getCausationId()).isEqualTo(offer.getEventId());
        assertThat(response.getOfferId()).isEqualTo(offer.getOfferId());
        assertThat(response.getDecision()).isEqualTo(ResponseDecision.ACCEPT);
        assertThat(response.getRound()).isEqualTo(1);
        // intake answered only once its own view showed the answer: no waiting needed here
        assertThat(status(id)).containsEntry("stage", "AGREED");

        http.post().uri("/api/complaints/{id}/fulfillment", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ActionRequests.fulfillment().withActualCost("18.50", "USD"))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.kind").isEqualTo("REPLACEMENT");
        RemedyFulfilled fulfilled = probe.awaitEvents(Topics.REMEDY_FULFILLED, id, 1).get(0);
        assertThat(fulfilled.getCausationId()).isEqualTo(offer.getEventId());
        assertThat(fulfilled.getKind()).isEqualTo(RemedyKind.REPLACEMENT);
        assertThat(fulfilled.getActualCost().getAmount()).isEqualByComparingTo("18.50");
        assertThat(fulfilled.getReference()).isEqualTo("SHIP-123");

        probe.publish(Topics.COMPLAINTS_RESOLVED, id,
                Events.resolved(id).setCausationId(fulfilled.getEventId()).build());
        awaitStage(id, "RESOLVED");

        probe.publish(Topics.FOLLOW_UP_DUE, id, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());
        awaitStage(id, "FOLLOW_UP_DUE");
        String json = http.get().uri("/api/complaints/{id}", id).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(json).contains("\"actualCost\":{\"amount\":18.50,\"currency\":\"USD\"}");
        System.out.println("GET /api/complaints/" + id + " at FOLLOW_UP_DUE:\n" + json);

        http.post().uri("/api/complaints/{id}/follow-up-outcome", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ActionRequests.satisfied())
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.reopened").isEqualTo(false).jsonPath("$.round").isEqualTo(1);
        FollowUpCompleted completed = probe.awaitEvents(Topics.FOLLOW_UP_OUTCOMES, id, 1).get(0);
        assertThat(completed.getSatisfied()).isTrue();
        assertThat(completed.getReopened()).isFalse();
        Map<String, Object> closed = status(id);
        assertThat(closed).containsEntry("stage", "CLOSED");
        assertThat((List<?>) closed.get("events")).hasSize(8);
        assertOnlyEvents(Topics.COMPLAINTS_RECEIVED, id, 1, Events::received);
    }

    @Test
    void anUnknownComplaintIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        http.get().uri("/api/complaints/{id}", unknown)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(unknown));
        http.post().uri("/api/complaints/{id}/remedy-response", unknown).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ActionRequests.accept())
                .exchange()
                .expectStatus().isNotFound();
        assertNoEvents(Topics.REMEDY_RESPONSES, unknown, id -> Events.responded(id, "o", ResponseDecision.ACCEPT));
    }

    // ---------------------------------------------------------------- refusals publish nothing

    @Test
    void answeringWhenNoOfferIsOpenIsAConflictAndPublishesNothing() {
        String id = submit(ComplaintRequest.aComplaint());

        expectConflict("/api/complaints/{id}/remedy-response", id, ActionRequests.accept(), "NO_OPEN_OFFER");
        expectConflict("/api/complaints/{id}/approval", id, ActionRequests.approve(), "NO_OFFER_AWAITS_APPROVAL");
        expectConflict("/api/complaints/{id}/fulfillment", id, ActionRequests.fulfillment(), "NOTHING_AGREED");
        expectConflict("/api/complaints/{id}/follow-up-outcome", id, ActionRequests.satisfied(),
                "NO_SATISFACTION_CHECK_DUE");

        assertNoEvents(Topics.REMEDY_RESPONSES, id, key -> Events.responded(key, "o", ResponseDecision.ACCEPT));
        assertNoEvents(Topics.APPROVALS, id, key -> Events.approvalDecided(key, "o", ApprovalDecision.APPROVED));
        assertNoEvents(Topics.REMEDY_FULFILLED, id, key -> Events.fulfilled(key, "o", RemedyKind.REPLACEMENT));
        assertNoEvents(Topics.FOLLOW_UP_OUTCOMES, id, key -> Events.followUpCompleted(key, true));
    }

    @Test
    void anOfferWaitingForApprovalCannotBeAnsweredButCanBeApproved() {
        String id = submit(ComplaintRequest.aComplaint());
        RemedyOffered pending = Events.offered(id).setStatus(OfferStatus.PENDING_APPROVAL).setApprovalRequired(true)
                .setApprovalDueBy(Instant.now().plus(Duration.ofHours(4))).build();
        probe.publish(Topics.REMEDY_OFFERED, id, pending);
        awaitStage(id, "AWAITING_APPROVAL");

        expectConflict("/api/complaints/{id}/remedy-response", id, ActionRequests.accept(), "OFFER_AWAITS_APPROVAL");
        assertNoEvents(Topics.REMEDY_RESPONSES, id, key -> Events.responded(key, "o", ResponseDecision.ACCEPT));

        http.post().uri("/api/complaints/{id}/approval", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ActionRequests.approve())
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.decision").isEqualTo("APPROVED");
        RemedyApprovalDecided decided = probe.awaitEvents(Topics.APPROVALS, id, 1).get(0);
        assertThat(decided.getCausationId()).isEqualTo(pending.getEventId());
        assertThat(decided.getApprover()).as("the caller, not the body").isEqualTo(TestCredentials.SUITE);
        expectConflict("/api/complaints/{id}/approval", id, ActionRequests.approve(), "NO_OFFER_AWAITS_APPROVAL");
        assertOnlyEvents(Topics.APPROVALS, id, 1, key -> Events.approvalDecided(key, "o", ApprovalDecision.APPROVED));
    }

    @Test
    void anExpiredOfferCannotBeAnswered() {
        String id = submit(ComplaintRequest.aComplaint());
        probe.publish(Topics.REMEDY_OFFERED, id,
                Events.offered(id).setExpiresAt(Instant.now().minus(Duration.ofMinutes(1))).build());
        awaitStage(id, "OFFERED");

        expectConflict("/api/complaints/{id}/remedy-response", id, ActionRequests.decline(), "OFFER_EXPIRED");
        assertNoEvents(Topics.REMEDY_RESPONSES, id, key -> Events.responded(key, "o", ResponseDecision.DECLINE));
    }

    @Test
    void aFulfilledOfferCannotBeFulfilledAgainNorAnsweredCheckAnsweredAgain() {
        String id = submit(ComplaintRequest.aComplaint());
        RemedyOffered agreed = Events.offered(id).setStatus(OfferStatus.AGREED).build();
        probe.publish(Topics.REMEDY_OFFERED, id, agreed);
        awaitStage(id, "AGREED");

        http.post().uri("/api/complaints/{id}/fulfillment", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ActionRequests.fulfillment()).exchange().expectStatus().isAccepted();
        expectConflict("/api/complaints/{id}/fulfillment", id, ActionRequests.fulfillment(), "ALREADY_FULFILLED");
        assertOnlyEvents(Topics.REMEDY_FULFILLED, id, 1, key -> Events.fulfilled(key, "o", RemedyKind.REPLACEMENT));

        probe.publish(Topics.COMPLAINTS_RESOLVED, id, Events.resolved(id).build());
        probe.publish(Topics.FOLLOW_UP_DUE, id, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());
        awaitStage(id, "FOLLOW_UP_DUE");
        http.post().uri("/api/complaints/{id}/follow-up-outcome", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ActionRequests.satisfied()).exchange().expectStatus().isAccepted();
        expectConflict("/api/complaints/{id}/follow-up-outcome", id, ActionRequests.unsatisfied(), "ALREADY_ANSWERED");
        assertOnlyEvents(Topics.FOLLOW_UP_OUTCOMES, id, 1, key -> Events.followUpCompleted(key, true));
    }

    // ---------------------------------------------------------------- reopen

    @Test
    void anUnhappyFollowUpReopensTheComplaintWithBothEventsInOneTransaction() {
        ComplaintRequest request = ComplaintRequest.aComplaint();
        String id = submit(request);
        ComplaintReceived first = probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, id, 1).get(0);
        probe.publish(Topics.COMPLAINTS_RESOLVED, id, Events.resolved(id).build());
        var due = Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build();
        probe.publish(Topics.FOLLOW_UP_DUE, id, due);
        awaitStage(id, "FOLLOW_UP_DUE");

        http.post().uri("/api/complaints/{id}/follow-up-outcome", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ActionRequests.unsatisfied())
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.reopened").isEqualTo(true).jsonPath("$.round").isEqualTo(2);

        // the probe reads read_committed: it sees these only because the transaction committed
        FollowUpCompleted completed = probe.awaitEvents(Topics.FOLLOW_UP_OUTCOMES, id, 1).get(0);
        ComplaintReceived reopened = probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, id, 2).get(1);
        assertThat(completed.getSatisfied()).isFalse();
        assertThat(completed.getReopened()).isTrue();
        assertThat(completed.getScore()).isEqualTo(2);
        assertThat(completed.getCausationId()).isEqualTo(due.getEventId());
        assertThat(reopened.getRound()).isEqualTo(2);
        assertThat(reopened.getCausationId()).isEqualTo(completed.getEventId());
        assertThat(reopened.getReopenedFrom().getPreviousRound()).isEqualTo(1);
        assertThat(reopened.getReopenedFrom().getFollowUpEventId()).isEqualTo(completed.getEventId());
        assertThat(reopened.getReopenedFrom().getScore()).isEqualTo(2);
        assertThat(reopened.getReopenedFrom().getComment()).isEqualTo("The replacement broke again");
        assertThat(reopened.getCustomer()).isEqualTo(first.getCustomer());
        assertThat(reopened.getOrder()).isEqualTo(first.getOrder());
        assertThat(reopened.getDescription()).isEqualTo(first.getDescription());
        assertThat(reopened.getEventId()).isNotEqualTo(first.getEventId());
        Map<String, Object> view = status(id);
        assertThat(view).containsEntry("stage", "REOPENED").containsEntry("round", 2);
        assertThat(view.get("resolution")).isNull();
        assertThat(prometheus()).containsPattern(metric("makeitright_complaints_reopened_total", "channel", "EMAIL"))
                .containsPattern(metric("makeitright_followups_answered_total", "satisfied", "false"));
    }

    // ---------------------------------------------------------------- what ops and integrators read

    @Test
    void aReceivedComplaintIsCountedByChannelInPrometheus() {
        submit(ComplaintRequest.aComplaint().withChannel("SOCIAL_MEDIA"));

        assertThat(prometheus()).containsPattern(metric("makeitright_complaints_received_total", "channel",
                "SOCIAL_MEDIA"));
    }

    @Test
    void theRunningServiceServesItsOpenApiDocumentWithoutActuatorAndSwaggerUi() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/complaints'].post.summary").isEqualTo("Submit a complaint")
                .jsonPath("$.paths['/actuator/health']").doesNotExist();
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    // ---------------------------------------------------------------- helpers

    /** The whole scrape: with Kafka's client metrics it outgrows the test client's default 256 KB buffer. */
    private String prometheus() {
        return http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /** A sample of a counter with the given tag whose value is at least 1 (other tests may have counted too). */
    // ---------------------------------------------------------------- repeat contacts

    @Test
    void aRepeatContactAboutAnOpenCaseIsMergedIntoItAndRaisesItsPriorityUntilTheCaseCloses() {
        ComplaintRequest first = ComplaintRequest.aComplaint();
        String customerId = first.customer().id();
        String orderId = first.order().id();
        String id = submit(first);
        awaitOpenCase(customerId, orderId, true);
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, Events.acknowledged(id)
                .setPriority(Priority.P3_NORMAL).build());
        awaitStage(id, "ACKNOWLEDGED");

        // the same customer writes again about the same order: no new complaint, a contact on the open case
        ComplaintRequest again = first.withChannel("PHONE").withSubject("Still waiting for the right CD");
        for (boolean retry : new boolean[]{false, true}) {
            EntityExchangeResult<Map<String, Object>> merged = http.post().uri("/api/complaints")
                    .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "repeat-" + id)
                    .bodyValue(again).exchange()
                    .expectStatus().isAccepted()
                    .expectBody(JSON_MAP).returnResult();
            assertThat(merged.getResponseHeaders().getLocation()).hasToString("/api/complaints/" + id);
            assertThat(merged.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo(retry ? "true" : null);
            assertThat(merged.getResponseBody()).containsEntry("complaintId", id).containsEntry("repeatContact", true)
                    .containsEntry("contactNumber", 2).containsEntry("stage", "ACKNOWLEDGED");
        }
        ComplaintContactAdded contact = probe.awaitEvents(Topics.CONTACTS_ADDED, id, 1).get(0);
        assertThat(contact.getContactNumber()).isEqualTo(2);
        assertThat(contact.getMatchedBy()).isEqualTo(ContactMatch.SAME_ORDER);
        assertThat(contact.getChannel()).isEqualTo(Channel.PHONE);
        assertThat(contact.getSubject()).isEqualTo("Still waiting for the right CD");
        assertThat(contact.getIdempotencyKey()).isEqualTo("repeat-" + id);
        assertOnlyEvents(Topics.CONTACTS_ADDED, id, 1, Events::contactAdded);
        assertOnlyEvents(Topics.COMPLAINTS_RECEIVED, id, 1, Events::received);

        Map<String, Object> view = status(id);
        assertThat(view).containsEntry("contacts", 2);
        assertThat((List<?>) view.get("repeatContacts")).hasSize(1);
        Map<?, ?> triage = (Map<?, ?>) view.get("triage");
        assertThat(triage.get("priority")).isEqualTo("P2_HIGH");
        assertThat(triage.get("triagedPriority")).isEqualTo("P3_NORMAL");
        Map<?, ?> advice = (Map<?, ?>) ((List<?>) triage.get("handlingAdvice")).get(0);
        assertThat(advice.get("code")).isEqualTo("REPEAT_CONTACT");
        assertThat(advice.get("text")).isEqualTo("They have written 2 times: answer personally, today.");

        // another order is another matter
        ComplaintRequest otherOrder = first.withOrder(new ComplaintRequest.Order("O-other-" + id, "CD-MKT-01",
                first.order().amount(), "USD", null));
        assertThat(submit(otherOrder)).isNotEqualTo(id);

        // once the case closed (resolved, then a satisfied follow-up), the same order opens a new complaint
        probe.publish(Topics.COMPLAINTS_RESOLVED, id, Events.resolved(id).build());
        probe.publish(Topics.FOLLOW_UP_DUE, id, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());
        awaitStage(id, "FOLLOW_UP_DUE");
        probe.publish(Topics.FOLLOW_UP_OUTCOMES, id, Events.followUpCompleted(id, true).build());
        awaitStage(id, "CLOSED");
        awaitOpenCase(customerId, orderId, false);
        String afterClose = submit(first.withSubject("The CD is scratched"));
        assertThat(afterClose).isNotEqualTo(id);
        assertThat(probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, afterClose, 1)).hasSize(1);
    }

    /** Waits until intake's open-case store (the real one) knows the customer's case about the order, or forgot it. */
    private void awaitOpenCase(String customerId, String orderId, boolean open) {
        ComplaintReceived probeContact = ComplaintReceived.newBuilder(Events.received("probe-" + orderId).build())
                .setCustomer(Customer.newBuilder(Events.received("x").build().getCustomer()).setId(customerId).build())
                .setOrder(Order.newBuilder(Events.order("1.00")).setId(orderId).build())
                .build();
        await().atMost(KafkaProbe.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> openCases.match(probeContact).block(KafkaProbe.PATIENCE).isPresent() == open);
    }

    static String metric(String name, String tag, String value) {
        return "(?m)^" + name + "\\{[^}]*" + tag + "=\"" + value + "\"[^}]*} [1-9]";
    }

    private String submit(ComplaintRequest request) {
        return submit(request, null);
    }

    private String submit(ComplaintRequest request, String idempotencyKey) {
        WebTestClient.RequestBodySpec post = http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            post = post.header("Idempotency-Key", idempotencyKey);
        }
        Map<String, Object> body = post.bodyValue(request).exchange()
                .expectStatus().isAccepted()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        return (String) body.get("complaintId");
    }

    private Map<String, Object> status(String id) {
        return http.get().uri("/api/complaints/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> awaitStage(String id, String stage) {
        return await().atMost(KafkaProbe.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> status(id), view -> stage.equals(view.get("stage")));
    }

    // ---------------------------------------------------------------- personal data (docs/privacy.md)

    @Test
    void noTopicHoldsAReadableNameEmailOrPhoneAndASupervisorsErasureMakesTheViewShowErased() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        String name = "Quintessa Vandermolen-" + suffix;
        String email = "quintessa." + suffix + "@erasure.example";
        String phone = "+31 6 " + suffix.replaceAll("[^0-9]", "7") + "55";
        String customerId = "C-erase-" + suffix;
        String id = postFor(new ComplaintRequest.Customer(customerId, name, email, phone, "STANDARD", null));

        // the view opens the sealed contact for a person with the right role
        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> assertThat(receivedCustomer(id))
                .containsEntry("name", name).containsEntry("email", email).containsEntry("phone", phone)
                .containsEntry("sealed", null));
        // ... while no topic holds them in clear: keys, values and headers of every record, changelogs included
        RawTopics raw = RawTopics.read(bootstrapServers);
        assertThat(raw.topics()).contains(Topics.COMPLAINTS_RECEIVED.name(), Topics.CUSTOMER_DATA_KEYS)
                .anyMatch(topic -> topic.endsWith("-changelog"));
        assertThat(raw.recordsStartingWith(Topics.CUSTOMER_DATA_KEYS, customerId + "|")).isEqualTo(1);
        assertThat(raw.containing(name, email, phone, "Vandermolen", suffix + "@")).isEmpty();

        // only a supervisor may erase; a refused request erases and publishes nothing
        erase(customerId, "helpdesk").expectStatus().isForbidden();
        erase("x".repeat(65), "supervisor").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(receivedCustomer(id)).containsEntry("name", name);

        erase(customerId, "supervisor").expectStatus().isAccepted()
                .expectBody().jsonPath("$.customerId").isEqualTo(customerId)
                .jsonPath("$.keysErased").isEqualTo(1)
                .jsonPath("$.what").value(what -> assertThat((String) what).contains("erased"));
        CustomerErased erased = probe.awaitEvents(Topics.CUSTOMERS_ERASED, customerId, 1).get(0);
        assertThat(erased.getReason()).isEqualTo(ErasureReason.REQUESTED);
        assertThat(erased.getErasedBy()).isEqualTo("test-supervisor");
        assertThat(probe.eventsFor(Topics.CUSTOMERS_ERASED, customerId)).hasSize(1);
        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> assertThat(receivedCustomer(id))
                .containsEntry("name", "erased").containsEntry("email", "erased").containsEntry("phone", "erased"));
        assertThat(RawTopics.read(bootstrapServers).containing(name, email, phone, "Vandermolen")).isEmpty();
        // nothing left to erase
        erase(customerId, "supervisor").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        // a later complaint of the customer gets a new key and is readable; the erased one stays erased
        String later = postFor(new ComplaintRequest.Customer(customerId, name, email, phone, "STANDARD", null));
        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> assertThat(receivedCustomer(later))
                .containsEntry("name", name));
        assertThat(receivedCustomer(id)).containsEntry("name", "erased");
    }

    @Test
    void twoKeysCreatedAtOnceForOneCustomerBothStayReadableAndErasureDeletesBoth(
            @Autowired PersonalData personalData) {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        String customerId = "C-race-" + suffix;
        String name = "Oswin Racecondition-" + suffix;
        String id = postFor(new ComplaintRequest.Customer(customerId, name, "o." + suffix + "@race.example", null,
                "STANDARD", null));
        ComplaintReceived first = probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, id, 1).get(0);

        // another intake instance, not yet seeing this one's key, created its own and sealed its complaint with it
        // (a single key per customer id would let the later write replace the earlier: its data unreadable)
        String keyId = personalData.newKeyId();
        byte[] key = personalData.newWrappedKey(customerId);
        probe.publishRaw(Topics.CUSTOMER_DATA_KEYS, CustomerDataKeys.recordKey(customerId, keyId), key);
        String otherId = UUID.randomUUID().toString();
        Map<String, String> fields = new java.util.HashMap<>();
        fields.put("name", name + " (other instance)");
        probe.publish(Topics.COMPLAINTS_RECEIVED, otherId, ComplaintReceived.newBuilder(first)
                .setEventId(UUID.randomUUID().toString()).setComplaintId(otherId)
                .setCustomer(com.makeitright.events.Customer.newBuilder(first.getCustomer())
                        .setSealed(java.nio.ByteBuffer.wrap(personalData.seal(customerId, keyId, key, fields))).build())
                .build());

        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> {
            assertThat(receivedCustomer(id)).containsEntry("name", name);
            assertThat(receivedCustomer(otherId)).containsEntry("name", name + " (other instance)");
        });
        // a third complaint seals with one of the two keys, whichever: it opens too
        String third = postFor(new ComplaintRequest.Customer(customerId, name, "o." + suffix + "@race.example", null,
                "STANDARD", null));
        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> assertThat(receivedCustomer(third))
                .containsEntry("name", name));

        erase(customerId, "supervisor").expectStatus().isAccepted().expectBody().jsonPath("$.keysErased").isEqualTo(2);
        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> {
            assertThat(receivedCustomer(id)).containsEntry("name", "erased");
            assertThat(receivedCustomer(otherId)).containsEntry("name", "erased");
            assertThat(receivedCustomer(third)).containsEntry("name", "erased");
        });
    }

    @Test
    void aClosedCasesPersonalDataExpireAfterTheRetentionUnlessAnotherCaseIsOpen() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        String stillOpen = "C-open-" + suffix;
        String openOne = postFor(new ComplaintRequest.Customer(stillOpen, "Ada Stillopen", "a." + suffix + "@x.example",
                null, "STANDARD", null));
        String closedOne = postFor(new ComplaintRequest.Customer(stillOpen, "Ada Stillopen", "a." + suffix + "@x.example",
                null, "STANDARD", null));
        close(closedOne);
        String expiring = "C-expire-" + suffix;
        String closed = postFor(new ComplaintRequest.Customer(expiring, "Bo Expiring", "b." + suffix + "@x.example",
                null, "STANDARD", null));
        close(closed);

        // the closed case's data stay readable for the retention, then go as by an erasure
        assertThat(receivedCustomer(closed)).containsEntry("name", "Bo Expiring");
        CustomerErased erased = probe.awaitEvents(Topics.CUSTOMERS_ERASED, expiring, 1).get(0);
        assertThat(erased.getReason()).isEqualTo(ErasureReason.RETENTION);
        assertThat(erased.getOccurredAt()).isAfterOrEqualTo(probe.awaitEvents(Topics.FOLLOW_UP_OUTCOMES, closed, 1)
                .get(0).getOccurredAt().plusSeconds(RETENTION_SECONDS).minusMillis(500));
        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> assertThat(receivedCustomer(closed))
                .containsEntry("name", "erased").containsEntry("email", "erased"));
        // a customer with a case still open keeps theirs: their case closed before the other's, so it was due first
        assertThat(probe.eventsUpToNow(Topics.CUSTOMERS_ERASED, stillOpen)).isEmpty();
        assertThat(receivedCustomer(openOne)).containsEntry("name", "Ada Stillopen");
        assertThat(receivedCustomer(closedOne)).containsEntry("name", "Ada Stillopen");
    }

    /** A satisfied follow-up, which closes the case (the view's rule), once the view has read it. */
    private void close(String complaintId) {
        probe.publish(Topics.FOLLOW_UP_OUTCOMES, complaintId, Events.followUpCompleted(complaintId, true)
                .setReopened(false).build());
        await().atMost(KafkaProbe.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> ((List<?>) status(complaintId).get("events")).size() == 2);
    }

    private String postFor(ComplaintRequest.Customer customer) {
        String id = (String) http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ComplaintRequest.aComplaint().withCustomer(customer)).exchange()
                .expectStatus().isAccepted().expectBody(JSON_MAP).returnResult().getResponseBody().get("complaintId");
        probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, id, 1);
        return id;
    }

    private WebTestClient.ResponseSpec erase(String customerId, String role) {
        return http.delete().uri("/api/customers/{id}/personal-data", customerId)
                .header(HttpHeaders.AUTHORIZATION, TestCredentials.bearer(role)).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> receivedCustomer(String complaintId) {
        Map<String, Object> view = http.get().uri("/api/complaints/" + complaintId).exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
        List<Map<String, Object>> events = (List<Map<String, Object>>) view.get("events");
        Map<String, Object> received = events.stream().filter(e -> "ComplaintReceived".equals(e.get("type")))
                .findFirst().orElseThrow();
        return (Map<String, Object>) ((Map<String, Object>) received.get("payload")).get("customer");
    }

    private void expectConflict(String uri, String id, Object body, String reason) {
        http.post().uri(uri, id).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.reason").isEqualTo(reason)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).isNotBlank());
    }

    private <T extends SpecificRecord> void assertNoEvents(Topic<T> topic, String complaintId,
                                                           Function<String, ? extends org.apache.avro.data.RecordBuilder<T>> marker) {
        assertOnlyEvents(topic, complaintId, 0, marker);
    }

    /**
     * Publishes a marker to the complaint's partition of the topic and waits for it: every record written to that
     * partition before, such as one a refused request might have published, has then been read.
     */
    private <T extends SpecificRecord> void assertOnlyEvents(Topic<T> topic, String complaintId, int expected,
                                                             Function<String, ? extends org.apache.avro.data.RecordBuilder<T>> marker) {
        String markerKey = Markers.samePartitionKey(complaintId, PARTITIONS);
        probe.publish(topic, markerKey, marker.apply(markerKey).build());
        probe.awaitEvents(topic, markerKey, 1);
        assertThat(probe.eventsFor(topic, complaintId)).hasSize(expected);
    }
}
