package com.makeitright.system;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.ResponseDecision;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.KafkaProbe;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole lifecycle across the four services, as real processes on a real broker, through intake's public
 * API: the happy path, a decline followed by a counter-offer, and an unhappy follow-up that reopens the case.
 * Each test checks the status view at every step and, at the end, the exact events on every topic for its
 * complaint, linked by causation.
 */
@ExtendWith(SystemStack.class)
@ResourceLock(value = SystemStack.LOCK, mode = ResourceAccessMode.READ)
class LifecycleIT {

    private SystemStack system;
    private Helpdesk helpdesk;
    private KafkaProbe kafka;

    @BeforeEach
    void connect(SystemStack system) {
        this.system = system;
        this.helpdesk = new Helpdesk(system.intake());
        this.kafka = system.kafka();
    }

    /** A calm customer, a small order of ours gone wrong: within an agent's authority at every step. */
    private static ComplaintRequest smallOrderOfOursGoneWrong() {
        return ComplaintRequest.aComplaint().withOrderAmount("12.00", "USD");
    }

    @Test
    void happyPathFromPostToClosedCase() {
        String id = helpdesk.submit(smallOrderOfOursGoneWrong());

        // Walking skeleton: triage's acknowledgement is on its topic and in the status view.
        ComplaintReceived received = kafka.awaitEvents(Topics.COMPLAINTS_RECEIVED, id, 1).get(0);
        ComplaintAcknowledged acknowledged = kafka.awaitEvents(Topics.COMPLAINTS_ACKNOWLEDGED, id, 1).get(0);
        JsonNode view = helpdesk.awaitOfferForCustomer(id, 1);
        assertThat(view.path("triage").path("cause").asString()).isEqualTo(acknowledged.getCause().name());
        assertThat(view.path("triage").path("acknowledgementText").asString()).isNotBlank();
        assertThat(view.path("openOffer").path("status").asString()).isEqualTo("OPEN");
        String offerId = view.path("openOffer").path("offerId").asString();

        helpdesk.respond(id, offerId, "ACCEPT", null);
        view = helpdesk.awaitStage(id, "AGREED");
        assertThat(view.path("agreedOffer").path("offerId").asString()).isEqualTo(offerId);
        assertThat(view.path("openOffer").isNull()).isTrue();

        helpdesk.fulfill(id, offerId);
        view = helpdesk.awaitStage(id, "RESOLVED", "FOLLOW_UP_DUE");
        assertThat(view.path("resolution").path("outcome").asString()).isEqualTo("REMEDY_DELIVERED");

        view = helpdesk.awaitStage(id, "FOLLOW_UP_DUE");
        assertThat(view.path("followUps").get(0).path("kind").asString()).isEqualTo("SATISFACTION_CHECK");
        assertThat(helpdesk.answerFollowUp(id, true, 5, "All good now, thank you").body().path("reopened").asBoolean())
                .isFalse();
        view = helpdesk.awaitStage(id, "CLOSED");
        assertThat(view.path("round").asInt()).isEqualTo(1);

        // Exactly these events, each caused by the one before.
        RemedyOffered offer = only(Topics.REMEDY_OFFERED, id);
        RemedyResponded acceptance = only(Topics.REMEDY_RESPONSES, id);
        RemedyFulfilled fulfilled = only(Topics.REMEDY_FULFILLED, id);
        ComplaintResolved resolved = only(Topics.COMPLAINTS_RESOLVED, id);
        FollowUpDue due = only(Topics.FOLLOW_UP_DUE, id);
        FollowUpCompleted answer = only(Topics.FOLLOW_UP_OUTCOMES, id);
        assertThat(only(Topics.COMPLAINTS_RECEIVED, id).getRound()).isEqualTo(1);
        assertThat(only(Topics.COMPLAINTS_ACKNOWLEDGED, id).getCausationId()).isEqualTo(received.getEventId());
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.OPEN);
        assertThat(offer.getCausationId()).isEqualTo(acknowledged.getEventId());
        assertThat(acceptance.getDecision()).isEqualTo(ResponseDecision.ACCEPT);
        assertThat(acceptance.getCausationId()).isEqualTo(offer.getEventId());
        assertThat(fulfilled.getOfferId()).isEqualTo(offerId);
        assertThat(resolved.getOutcome()).isEqualTo(ResolutionOutcome.REMEDY_DELIVERED);
        assertThat(resolved.getCausationId()).isEqualTo(fulfilled.getEventId());
        assertThat(resolved.getCost().getAmount()).isGreaterThan(BigDecimal.ZERO);
        assertThat(due.getKind()).isEqualTo(FollowUpKind.SATISFACTION_CHECK);
        assertThat(due.getCausationId()).isEqualTo(resolved.getEventId());
        assertThat(due.getContact().getEmail()).isEqualTo(received.getCustomer().getEmail());
        assertThat(answer.getSatisfied()).isTrue();
        assertThat(answer.getReopened()).isFalse();
        assertThat(answer.getCausationId()).isEqualTo(due.getEventId());
        assertNothingDeadLettered(id);
    }

    @Test
    void aDeclineBringsABetterOfferAndACounterWithinAuthorityIsAgreed() {
        String id = helpdesk.submit(smallOrderOfOursGoneWrong());

        JsonNode view = helpdesk.awaitOfferForCustomer(id, 1);
        String firstOffer = view.path("openOffer").path("offerId").asString();
        helpdesk.respond(id, firstOffer, "DECLINE", null);

        view = helpdesk.awaitView(id, v -> !v.path("openOffer").path("offerId").asString().equals(firstOffer)
                && !v.path("openOffer").isNull(), "OFFERED");
        assertThat(view.path("openOffer").path("negotiationRound").asInt()).isEqualTo(2);
        String secondOffer = view.path("openOffer").path("offerId").asString();
        helpdesk.respond(id, secondOffer, "COUNTER",
                Map.of("kind", "STORE_CREDIT", "amount", 10.00, "currency", "USD",
                        "description", "Store credit would be fair"));

        view = helpdesk.awaitStage(id, "AGREED");
        JsonNode agreed = view.path("agreedOffer");
        assertThat(agreed.path("kind").asString()).isEqualTo("STORE_CREDIT");
        assertThat(agreed.path("status").asString()).isEqualTo("AGREED");
        assertThat(agreed.path("amount").path("amount").decimalValue()).isEqualByComparingTo("10.00");

        helpdesk.fulfill(id, agreed.path("offerId").asString());
        helpdesk.awaitStage(id, "FOLLOW_UP_DUE");
        helpdesk.answerFollowUp(id, true, 4, "Fair enough");
        helpdesk.awaitStage(id, "CLOSED");

        List<RemedyOffered> offers = exactly(Topics.REMEDY_OFFERED, id, 3);
        assertThat(offers).extracting(RemedyOffered::getStatus)
                .containsExactly(OfferStatus.OPEN, OfferStatus.OPEN, OfferStatus.AGREED);
        assertThat(offers).extracting(RemedyOffered::getNegotiationRound).containsExactly(1, 2, 3);
        List<RemedyResponded> responses = exactly(Topics.REMEDY_RESPONSES, id, 2);
        assertThat(responses).extracting(RemedyResponded::getDecision)
                .containsExactly(ResponseDecision.DECLINE, ResponseDecision.COUNTER);
        assertThat(offers.get(1).getCausationId()).isEqualTo(responses.get(0).getEventId());
        assertThat(offers.get(2).getCounterOfEventId()).isEqualTo(responses.get(1).getEventId());
        ComplaintResolved resolved = only(Topics.COMPLAINTS_RESOLVED, id);
        assertThat(resolved.getRemedy().getKind()).isEqualTo(RemedyKind.STORE_CREDIT);
        assertThat(resolved.getNegotiationRounds()).isEqualTo(3);
        assertThat(only(Topics.COMPLAINTS_RECEIVED, id).getRound()).isEqualTo(1);
        assertThat(only(Topics.COMPLAINTS_ACKNOWLEDGED, id).getRound()).isEqualTo(1);
        assertThat(only(Topics.REMEDY_FULFILLED, id).getKind()).isEqualTo(RemedyKind.STORE_CREDIT);
        assertThat(only(Topics.FOLLOW_UP_DUE, id).getKind()).isEqualTo(FollowUpKind.SATISFACTION_CHECK);
        assertThat(only(Topics.FOLLOW_UP_OUTCOMES, id).getSatisfied()).isTrue();
        assertNothingDeadLettered(id);
    }

    @Test
    void anUnhappyFollowUpReopensTheCaseForASecondRound() {
        String id = helpdesk.submit(smallOrderOfOursGoneWrong());
        settleRound(id, 1);
        JsonNode reply = helpdesk.answerFollowUp(id, false, 2, "The replacement is scratched too").body();
        assertThat(reply.path("reopened").asBoolean()).isTrue();
        assertThat(reply.path("round").asInt()).isEqualTo(2);

        JsonNode view = helpdesk.awaitView(id, v -> v.path("round").asInt() == 2,
                "REOPENED", "RECEIVED", "ACKNOWLEDGED", "OFFERED", "AWAITING_APPROVAL");
        assertThat(view.path("reopenedFrom").path("previousRound").asInt()).isEqualTo(1);
        settleRound(id, 2);
        helpdesk.answerFollowUp(id, true, 5, "Second time lucky, thanks");
        view = helpdesk.awaitStage(id, "CLOSED");
        assertThat(view.path("round").asInt()).isEqualTo(2);

        List<ComplaintReceived> rounds = exactly(Topics.COMPLAINTS_RECEIVED, id, 2);
        List<FollowUpCompleted> answers = exactly(Topics.FOLLOW_UP_OUTCOMES, id, 2);
        assertThat(rounds).extracting(ComplaintReceived::getRound).containsExactly(1, 2);
        assertThat(rounds.get(1).getReopenedFrom().getPreviousRound()).isEqualTo(1);
        assertThat(rounds.get(1).getCausationId()).isEqualTo(answers.get(0).getEventId());
        assertThat(answers).extracting(FollowUpCompleted::getReopened).containsExactly(true, false);
        assertThat(exactly(Topics.COMPLAINTS_ACKNOWLEDGED, id, 2))
                .extracting(ComplaintAcknowledged::getRound).containsExactly(1, 2);
        assertThat(exactly(Topics.REMEDY_FULFILLED, id, 2)).extracting(RemedyFulfilled::getRound)
                .containsExactly(1, 2);
        assertThat(exactly(Topics.COMPLAINTS_RESOLVED, id, 2)).extracting(ComplaintResolved::getRound)
                .containsExactly(1, 2);
        assertThat(exactly(Topics.FOLLOW_UP_DUE, id, 2)).extracting(FollowUpDue::getRound)
                .containsExactly(1, 2);
        assertNothingDeadLettered(id);
    }

    /** Takes a round from its offer to a due satisfaction check: approve if needed, accept, fulfill. */
    private void settleRound(String id, int round) {
        JsonNode view = helpdesk.awaitOfferForCustomer(id, round);
        String offerId = view.path("openOffer").path("offerId").asString();
        helpdesk.respond(id, offerId, "ACCEPT", null);
        helpdesk.awaitView(id, v -> v.path("round").asInt() == round, "AGREED");
        helpdesk.fulfill(id, offerId);
        helpdesk.awaitView(id, v -> v.path("round").asInt() == round, "FOLLOW_UP_DUE");
    }

    /**
     * Issue #12's erasure on the running stack: every service has processed a complaint with a distinctive name,
     * e-mail and phone; a supervisor erases the customer; then no topic on the broker (events, changelogs,
     * repartition and dead-letter topics, keys, values and headers) holds any of them readably, and the status view
     * shows "erased" in their place.
     */
    @Test
    void aSupervisorErasesACustomerAndNoTopicHoldsTheirNameEmailOrPhone() throws Exception {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        String name = "Philippa Erasmus-Oduya " + suffix;
        String email = "philippa." + suffix + "@erased.example";
        String phone = "+44 20 " + suffix.replaceAll("[^0-9]", "3") + " 91";
        String customerId = "C-erasure-" + suffix;
        String id = helpdesk.submit(smallOrderOfOursGoneWrong().withCustomer(
                new ComplaintRequest.Customer(customerId, name, email, phone, "STANDARD", null)));
        // triage, remedy, followup and the worker have all had the complaint
        JsonNode view = helpdesk.awaitOfferForCustomer(id, 1);
        assertThat(receivedCustomer(view).path("email").asString()).isEqualTo(email);

        java.net.http.HttpResponse<String> erased = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                                + system.port(com.makeitright.cli.stack.Component.INTAKE) + "/api/customers/"
                                + customerId + "/personal-data"))
                        .header("Authorization", system.bearer("supervisor")).DELETE().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
        assertThat(kafka.awaitEvents(Topics.CUSTOMERS_ERASED, customerId, 1)).hasSize(1);

        view = helpdesk.awaitView(id, v -> "erased".equals(receivedCustomer(v).path("name").asString()),
                "OFFERED", "AWAITING_APPROVAL");
        assertThat(receivedCustomer(view).path("email").asString()).isEqualTo("erased");
        assertThat(receivedCustomer(view).path("phone").asString()).isEqualTo("erased");
        com.makeitright.testing.RawTopics raw =
                com.makeitright.testing.RawTopics.read(system.stack().config().bootstrapServers());
        assertThat(raw.topics()).contains(Topics.COMPLAINTS_RECEIVED.name(), Topics.CUSTOMER_DATA_KEYS,
                Topics.CUSTOMERS_ERASED.name()).anyMatch(topic -> topic.endsWith("-changelog"));
        assertThat(raw.containing(name, email, phone, "Erasmus-Oduya", "philippa." + suffix)).isEmpty();
        assertNothingDeadLettered(id);
    }

    private static JsonNode receivedCustomer(JsonNode view) {
        for (JsonNode event : view.path("events")) {
            if ("ComplaintReceived".equals(event.path("type").asString())) {
                return event.path("payload").path("customer");
            }
        }
        throw new AssertionError("no ComplaintReceived in the view");
    }

    private <T extends SpecificRecord> T only(Topic<T> topic, String id) {
        return exactly(topic, id, 1).get(0);
    }

    /** The complaint's events on the topic, after waiting for {@code count} of them: there must be no more. */
    private <T extends SpecificRecord> List<T> exactly(Topic<T> topic, String id, int count) {
        kafka.awaitEvents(topic, id, count);
        List<T> events = kafka.eventsUpToNow(topic, id);
        assertThat(events).as("%s events of %s", topic, id).hasSize(count);
        return events;
    }

    private void assertNothingDeadLettered(String id) {
        for (Topic<?> topic : Topics.ALL) {
            assertThat(kafka.recordsUpToNow(topic.deadLetterTopic())).as(topic.deadLetterTopic())
                    .noneMatch(record -> id.equals(record.key()));
        }
    }
}
