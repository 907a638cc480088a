package com.makeitright.intake.actions;

import com.makeitright.contract.Topics;
import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.NotificationKind;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.intake.testing.ActionRequests;
import com.makeitright.intake.testing.ActionRequests.CounterOffer;
import com.makeitright.intake.testing.ActionRequests.RemedyResponse;
import com.makeitright.intake.testing.InMemoryViews;
import com.makeitright.intake.testing.RecordingPublisher;
import com.makeitright.intake.testing.SliceStubs;
import com.makeitright.platform.ProblemDetailsAdvice;
import com.makeitright.testing.Events;
import com.makeitright.testing.security.TestCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state-changing endpoints over HTTP: input rules (400), unknown complaints (404), refused transitions
 * (409) — none of which publishes — and the 202 answers; Kafka replaced by stubs.
 */
@WebFluxTest(controllers = ActionsController.class)
@Import({ComplaintActions.class, ProblemDetailsAdvice.class, SliceStubs.class})
class ActionsHttpTest {

    @Autowired
    WebTestClient http;

    @Autowired
    RecordingPublisher publisher;

    @Autowired
    InMemoryViews views;

    private final String id = Events.newId();
    private ComplaintReceived received;

    @BeforeEach
    void aReceivedComplaint() {
        publisher.clear();
        views.clear();
        received = Events.received(id).build();
        views.record(Topics.COMPLAINTS_RECEIVED, id, received);
    }

    private RemedyOffered offer(OfferStatus status, RemedyKind kind) {
        RemedyOffered offer = Events.offered(id).setStatus(status).setKind(kind)
                .setExpiresAt(SliceStubs.NOW.plus(Duration.ofDays(3))).build();
        views.record(Topics.REMEDY_OFFERED, id, offer);
        return offer;
    }

    private WebTestClient.ResponseSpec post(String action, Object body) {
        return http.post().uri("/api/complaints/{id}/" + action, id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("remedy-response", new RemedyResponse(null, null, null, null), "decision"),
                Arguments.of("remedy-response", new RemedyResponse("MAYBE", null, null, null), "decision"),
                Arguments.of("remedy-response", new RemedyResponse("COUNTER", null, null, null), "counterOffer"),
                Arguments.of("remedy-response", new RemedyResponse("ACCEPT", null,
                        new CounterOffer("REFUND_FULL", null, null, null), null), "counterOffer"),
                Arguments.of("remedy-response", ActionRequests.counter("FREE_STUFF", null, null), "counterOffer.kind"),
                Arguments.of("remedy-response", ActionRequests.counter(null, null, null), "counterOffer.kind"),
                Arguments.of("remedy-response", ActionRequests.counter("REFUND_PARTIAL", null, null), "counterOffer.amount"),
                Arguments.of("remedy-response", ActionRequests.counter("REFUND_PARTIAL", "30.00", null), "counterOffer.currency"),
                Arguments.of("remedy-response", ActionRequests.counter("DISCOUNT", "10.001", "USD"), "counterOffer.amount"),
                Arguments.of("remedy-response", ActionRequests.counter("STORE_CREDIT", "10.00", "JOD"), "counterOffer.currency"),
                Arguments.of("remedy-response", new RemedyResponse("ACCEPT", null, null, "n".repeat(2001)), "note"),
                Arguments.of("approval", new ActionRequests.Approval("PERHAPS", "sam", null, null), "decision"),
                Arguments.of("approval", new ActionRequests.Approval(null, "sam", null, null), "decision"),
                Arguments.of("fulfillment", new ActionRequests.Fulfillment(null, "agent.ann", null, null, null, null, null), "reference"),
                Arguments.of("fulfillment", new ActionRequests.Fulfillment("SHIP-1", " ", null, null, null, null, null), "fulfilledBy"),
                Arguments.of("fulfillment", ActionRequests.fulfillment().withActualCost("-1.00", "USD"), "actualCost.amount"),
                Arguments.of("fulfillment", ActionRequests.fulfillment().withActualCost("1.00", "usd"), "actualCost.currency"),
                Arguments.of("fulfillment", ActionRequests.fulfillment().withInspectionResult("BROKEN"), "inspectionResult"),
                Arguments.of("fulfillment", new ActionRequests.Fulfillment("SHIP-1", "ann", null, null, null, "GREMLINS", null), "rootCause"),
                Arguments.of("follow-up-outcome", new ActionRequests.FollowUpOutcome(null, 3, null), "satisfied"),
                Arguments.of("follow-up-outcome", new ActionRequests.FollowUpOutcome(true, null, null), "score"),
                Arguments.of("follow-up-outcome", new ActionRequests.FollowUpOutcome(true, 0, null), "score"),
                Arguments.of("follow-up-outcome", new ActionRequests.FollowUpOutcome(false, 6, null), "score"),
                // text of only whitespace or control characters says nothing, though @NotBlank would let it pass
                Arguments.of("follow-up-outcome", new ActionRequests.FollowUpOutcome(false, 2, "\u0000\u0007\n\t"), "comment"),
                Arguments.of("follow-up-outcome", new ActionRequests.FollowUpOutcome(false, 2, " \t "), "comment"),
                Arguments.of("remedy-response", new RemedyResponse("DECLINE", null, null, "\u0000\u200B"), "note"),
                Arguments.of("approval", new ActionRequests.Approval("APPROVED", "\u0007", null, null), "approver"),
                Arguments.of("fulfillment", new ActionRequests.Fulfillment("\u001b\n", "agent.ann", null, null, null, null, null), "reference"),
                Arguments.of("remedy-response", new RemedyResponse("ACCEPT", "offer 1\r\n", null, null), "offerId"),
                Arguments.of("approval", new ActionRequests.Approval("APPROVED", "sam", "o".repeat(65), null), "offerId"),
                Arguments.of("acknowledgement", ActionRequests.approveAcknowledgement(""), "text"),
                Arguments.of("acknowledgement", ActionRequests.approveAcknowledgement(" \t\u200B\n"), "text"),
                Arguments.of("acknowledgement", ActionRequests.approveAcknowledgement("w".repeat(5_001)), "text"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("invalidBodies")
    void anInvalidBodyIsABadRequestNamingTheFieldAndPublishesNothing(String action, Object body, String field) {
        post(action, body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.errors[?(@.field == '" + field + "')].message").isNotEmpty();

        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void aPathIdThatIsNoIdIsABadRequestProblemOnEveryEndpoint() {
        for (String bad : new String[]{"abc%0d%0a", "%00", "x".repeat(65), "a%20b", "%C3%A9"}) {
            for (var call : new Object[][]{{"remedy-response", ActionRequests.accept()},
                    {"approval", ActionRequests.approve()}, {"fulfillment", ActionRequests.fulfillment()},
                    {"follow-up-outcome", ActionRequests.satisfied()},
                    {"acknowledgement", ActionRequests.approveAcknowledgement(null)}}) {
                http.post().uri(java.net.URI.create("/api/complaints/" + bad + "/" + call[0]))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(call[1]).exchange()
                        .expectStatus().isBadRequest()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.errors[0].field").isEqualTo("complaintId");
            }
        }
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void malformedJsonIsABadRequest() {
        http.post().uri("/api/complaints/{id}/approval", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"decision\": APPROVED}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void anUnknownComplaintIsNotFoundOnEveryEndpoint() {
        String unknown = Events.newId();
        for (var call : new Object[][]{{"remedy-response", ActionRequests.accept()},
                {"approval", ActionRequests.approve()}, {"fulfillment", ActionRequests.fulfillment()},
                {"follow-up-outcome", ActionRequests.satisfied()},
                {"acknowledgement", ActionRequests.approveAcknowledgement(null)}}) {
            http.post().uri("/api/complaints/{id}/" + call[0], unknown).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(call[1]).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains(unknown));
        }
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void eachRefusedTransitionIsAConflictSayingWhyAndPublishesNothing() {
        expectConflict("remedy-response", ActionRequests.accept(), "NO_OPEN_OFFER");
        expectConflict("approval", ActionRequests.approve(), "NO_OFFER_AWAITS_APPROVAL");
        expectConflict("fulfillment", ActionRequests.fulfillment(), "NOTHING_AGREED");
        expectConflict("follow-up-outcome", ActionRequests.satisfied(), "NO_SATISFACTION_CHECK_DUE");
        expectConflict("acknowledgement", ActionRequests.approveAcknowledgement(null), "NOT_ACKNOWLEDGED");

        offer(OfferStatus.PENDING_APPROVAL, RemedyKind.REFUND_FULL);
        expectConflict("remedy-response", ActionRequests.accept(), "OFFER_AWAITS_APPROVAL");

        views.record(Topics.REMEDY_OFFERED, id, Events.offered(id).setExpiresAt(SliceStubs.NOW).build());
        expectConflict("remedy-response", ActionRequests.decline(), "OFFER_EXPIRED");

        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void anAcceptIsPublishedNamingTheOpenOffer() {
        RemedyOffered offer = offer(OfferStatus.OPEN, RemedyKind.REPLACEMENT);

        post("remedy-response", ActionRequests.accept(offer.getOfferId())).expectStatus().isAccepted()
                .expectHeader().location("/api/complaints/" + id)
                .expectBody()
                .jsonPath("$.complaintId").isEqualTo(id)
                .jsonPath("$.offerId").isEqualTo(offer.getOfferId())
                .jsonPath("$.decision").isEqualTo("ACCEPT");

        assertThat(publisher.published()).singleElement().satisfies(outgoing -> {
            assertThat(outgoing.topic()).isEqualTo(Topics.REMEDY_RESPONSES);
            RemedyResponded response = (RemedyResponded) outgoing.event();
            assertThat(response.getCausationId()).isEqualTo(offer.getEventId());
            assertThat(response.getOccurredAt()).isEqualTo(SliceStubs.NOW);
        });
        // the same offer cannot be answered twice
        expectConflict("remedy-response", ActionRequests.decline(), "NO_OPEN_OFFER");
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void aCounterCarriesItsTerms() {
        offer(OfferStatus.OPEN, RemedyKind.REPLACEMENT);

        post("remedy-response", ActionRequests.counter("REFUND_PARTIAL", "30.00", "USD")).expectStatus().isAccepted()
                .expectBody().jsonPath("$.decision").isEqualTo("COUNTER");

        RemedyResponded response = (RemedyResponded) publisher.published().get(0).event();
        assertThat(response.getCounterOffer().getKind()).isEqualTo(RemedyKind.REFUND_PARTIAL);
        assertThat(response.getCounterOffer().getAmount().getAmount()).isEqualTo(new BigDecimal("30.00"));
    }

    @Test
    void anInspectionNeedsItsResult() {
        offer(OfferStatus.AGREED, RemedyKind.INSPECTION);

        post("fulfillment", ActionRequests.fulfillment()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("inspectionResult");
        assertThat(publisher.published()).isEmpty();

        post("fulfillment", ActionRequests.fulfillment().withInspectionResult("FAULT_CONFIRMED"))
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.kind").isEqualTo("INSPECTION");
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void anUnhappyFollowUpPublishesTheOutcomeAndTheNextRoundInOneTransaction() {
        views.record(Topics.COMPLAINTS_RESOLVED, id, Events.resolved(id).build());
        views.record(Topics.FOLLOW_UP_DUE, id, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());

        post("follow-up-outcome", ActionRequests.unsatisfied()).expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.complaintId").isEqualTo(id)
                .jsonPath("$.reopened").isEqualTo(true)
                .jsonPath("$.round").isEqualTo(2);

        assertThat(publisher.transactions()).singleElement().satisfies(transaction -> {
            assertThat(transaction).extracting(o -> o.topic().name())
                    .containsExactly(Topics.FOLLOW_UP_OUTCOMES.name(), Topics.COMPLAINTS_RECEIVED.name());
            FollowUpCompleted completed = (FollowUpCompleted) transaction.get(0).event();
            ComplaintReceived next = (ComplaintReceived) transaction.get(1).event();
            assertThat(next.getCausationId()).isEqualTo(completed.getEventId());
            assertThat(next.getRound()).isEqualTo(2);
        });
        expectConflict("follow-up-outcome", ActionRequests.satisfied(), "NO_SATISFACTION_CHECK_DUE");
    }

    @Test
    void aSatisfiedFollowUpPublishesOnlyTheOutcome() {
        views.record(Topics.COMPLAINTS_RESOLVED, id, Events.resolved(id).build());
        views.record(Topics.FOLLOW_UP_DUE, id, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());

        post("follow-up-outcome", ActionRequests.satisfied()).expectStatus().isAccepted()
                .expectBody().jsonPath("$.reopened").isEqualTo(false).jsonPath("$.round").isEqualTo(1);

        // one event, still in a transaction: a failed write of it never becomes visible (drill run U)
        assertThat(publisher.transactions()).singleElement().satisfies(transaction -> assertThat(transaction)
                .singleElement().satisfies(o -> assertThat(o.topic()).isEqualTo(Topics.FOLLOW_UP_OUTCOMES)));
        expectConflict("follow-up-outcome", ActionRequests.satisfied(), "ALREADY_ANSWERED");
    }

    @Test
    void anApprovalWithoutABodyApprovesTheDraftOnceAndTheViewShowsIt() {
        ComplaintAcknowledged acknowledged = Events.acknowledged(id).build();
        views.record(Topics.COMPLAINTS_ACKNOWLEDGED, id, acknowledged);

        String eventId = http.post().uri("/api/complaints/{id}/acknowledgement", id).exchange()
                .expectStatus().isAccepted()
                .expectHeader().location("/api/complaints/" + id)
                .expectBody(Map.class).returnResult().getResponseBody().get("eventId").toString();

        assertThat(publisher.published()).singleElement().satisfies(outgoing -> {
            assertThat(outgoing.topic()).isEqualTo(Topics.ACKNOWLEDGEMENT_APPROVALS);
            AcknowledgementApproved approved = (AcknowledgementApproved) outgoing.event();
            assertThat(approved.getEventId()).isEqualTo(eventId);
            assertThat(approved.getText()).isEqualTo(acknowledged.getAcknowledgementText());
            assertThat(approved.getEdited()).isFalse();
            assertThat(approved.getApprovedBy()).isEqualTo(TestCredentials.SUITE);
            assertThat(approved.getCausationId()).isEqualTo(acknowledged.getEventId());
        });
        // a second approval of the round, retried or by another agent, is refused: the customer reads one
        expectConflict("acknowledgement", ActionRequests.approveAcknowledgement("Other words"), "ALREADY_APPROVED");
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void anApprovalOfAnAcknowledgementAlreadySentAutomaticallyIsAConflictThatSaysWhenAndPublishesNothing() {
        ComplaintAcknowledged acknowledged = Events.acknowledged(id).setReviewNeeded(false).build();
        views.record(Topics.COMPLAINTS_ACKNOWLEDGED, id, acknowledged);
        java.time.Instant sentAt = java.time.Instant.parse("2026-12-07T03:00:00Z");
        views.record(Topics.CUSTOMER_NOTIFIED, id, Events.customerNotified(id, NotificationKind.ACKNOWLEDGEMENT)
                .setCausationId(acknowledged.getEventId()).setOccurredAt(sentAt).build());

        post("acknowledgement", ActionRequests.approveAcknowledgement("Our own, better words"))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.reason").isEqualTo("ALREADY_SENT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("already sent to the customer automatically", sentAt.toString()));
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void anApprovalInTheAgentsWordsIsMarkedEditedAndTheBodysApproverCannotBeGiven() {
        views.record(Topics.COMPLAINTS_ACKNOWLEDGED, id, Events.acknowledged(id).build());

        post("acknowledgement", Map.of("text", "We are sorry. The right CD is on its way.", "approvedBy", "mallory"))
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.complaintId").isEqualTo(id).jsonPath("$.edited").isEqualTo(true)
                .jsonPath("$.eventId").isNotEmpty();

        AcknowledgementApproved approved = (AcknowledgementApproved) publisher.published().get(0).event();
        assertThat(approved.getText()).isEqualTo("We are sorry. The right CD is on its way.");
        assertThat(approved.getEdited()).isTrue();
        assertThat(approved.getApprovedBy()).isEqualTo(TestCredentials.SUITE);
    }

    private void expectConflict(String action, Object body, String reason) {
        post(action, body).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.reason").isEqualTo(reason)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).isNotBlank());
    }
}
