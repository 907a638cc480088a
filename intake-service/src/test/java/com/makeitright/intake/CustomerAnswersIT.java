package com.makeitright.intake;

import com.makeitright.contract.Topics;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResponseDecision;
import com.makeitright.events.RemedyKind;
import com.makeitright.platform.links.LinkTokens;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The customer pages behind the mail links, on a real broker: a link we signed records the customer's answer as
 * {@code RemedyResponded} through the API's own path; a tampered, an expired or a used link gets a page that says so
 * and publishes nothing.
 */
@WithKafkaBroker
@AutoConfigureWebTestClient(timeout = "PT1M") // not 5 s: a loaded machine answers slowly, and an await retries assertions, not timeouts
// A context of its own: Spring pauses (stops) a cached context between classes, and intake's publisher does not
// restart after a stop, so reusing IntakeIT's context after another class answered 503 ("Scheduler unavailable").
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/intake-links-${random.uuid}",
        "makeitright.intake.transactional-id=intake-links-${random.uuid}",
        "makeitright.intake.customer-links.key=" + CustomerAnswersIT.KEY
})
class CustomerAnswersIT {

    static final String KEY = "intake-it-link-signing-key-0123456789abcdef";

    final LinkTokens tokens = LinkTokens.fromSecret(KEY);

    KafkaProbe probe;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
    }

    /** A complaint with an open offer the view shows, as remedy would have made it. */
    RemedyOffered complaintWithOpenOffer(String description) {
        // The first test of the shared context may meet intake still starting (503, nothing published): ask again.
        JsonNode accepted = await().atMost(KafkaProbe.PATIENCE).until(() -> http.post().uri("/api/complaints")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ComplaintRequest.aComplaint()).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(202, 503))
                .expectBody(JsonNode.class).returnResult().getResponseBody(), body -> body.has("complaintId"));
        String id = accepted.path("complaintId").asString();
        RemedyOffered offer = Events.offered(id).setDescription(description)
                .setExpiresAt(Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS)).build();
        probe.publish(Topics.REMEDY_OFFERED, id, offer);
        // a read that outlasts the client's 5 s on a loaded machine is asked again
        await().atMost(KafkaProbe.PATIENCE).ignoreException(IllegalStateException.class)
                .until(() -> http.get().uri("/api/complaints/" + id).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("openOffer").path("offerId").asString(""), offer.getOfferId()::equals);
        return offer;
    }

    String token(RemedyOffered offer, ResponseDecision decision, Instant expiresAt) {
        return tokens.issue(new LinkTokens.Claim(offer.getComplaintId(), offer.getOfferId(), decision.name(), expiresAt));
    }

    WebTestClient.ResponseSpec get(String token) {
        return http.get().uri(uri -> uri.path(LinkTokens.ANSWER_PATH).queryParam("token", token).build())
                .accept(MediaType.TEXT_HTML).exchange();
    }

    WebTestClient.ResponseSpec post(String token, Map<String, String> fields) {
        BodyInserters.FormInserter<String> form = BodyInserters.fromFormData("token", token);
        fields.forEach(form::with);
        return http.post().uri(LinkTokens.ANSWER_PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML).body(form).exchange();
    }

    static String page(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** Every answer published for the complaint so far, after a marker proves the topic was read to its end. */
    List<RemedyResponded> answers(String complaintId) {
        return probe.eventsUpToNow(Topics.REMEDY_RESPONSES, complaintId);
    }

    @Test
    void anAcceptLinkShowsTheOfferAndRecordsTheAnswerOnceThenRefusesEveryReuse() {
        RemedyOffered offer = complaintWithOpenOffer("A new <script>mug</script> at no cost");
        String accept = token(offer, ResponseDecision.ACCEPT, offer.getExpiresAt());

        String confirm = page(get(accept), HttpStatus.OK);
        assertThat(confirm).contains("Accept this offer?", "A new &lt;script&gt;mug&lt;/script&gt; at no cost",
                "name=\"token\" value=\"" + accept + "\"").doesNotContain("<script>");
        assertThat(answers(offer.getComplaintId())).isEmpty(); // looking publishes nothing

        assertThat(page(post(accept, Map.of()), HttpStatus.OK)).contains("Thank you, we have your answer");
        RemedyResponded answer = probe.awaitEvents(Topics.REMEDY_RESPONSES, offer.getComplaintId(), 1).get(0);
        assertThat(answer.getDecision()).isEqualTo(ResponseDecision.ACCEPT);
        assertThat(answer.getOfferId()).isEqualTo(offer.getOfferId());
        assertThat(answer.getCausationId()).isEqualTo(offer.getEventId());

        // used: the same link again, and the offer's other links, now meet an answered offer
        assertThat(page(post(accept, Map.of()), HttpStatus.CONFLICT)).contains("already answered");
        assertThat(page(get(accept), HttpStatus.CONFLICT)).contains("already answered");
        String decline = token(offer, ResponseDecision.DECLINE, offer.getExpiresAt());
        assertThat(page(post(decline, Map.of()), HttpStatus.CONFLICT)).contains("already answered");
        assertThat(answers(offer.getComplaintId())).hasSize(1);
    }

    @Test
    void aLowScoreFromTheSatisfactionMailReopensTheCaseWithTheCommentOnceOnly() {
        RemedyOffered offer = complaintWithOpenOffer("A replacement");
        String id = offer.getComplaintId();
        FollowUpDue due = Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build();
        probe.publish(Topics.FOLLOW_UP_DUE, id, due);
        await().atMost(KafkaProbe.PATIENCE).until(() -> http.get().uri("/api/complaints/" + id).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("followUps").size(), n -> n > 0);
        Instant until = Instant.now().plus(1, ChronoUnit.DAYS);
        String two = tokens.issue(new LinkTokens.Claim(id, LinkTokens.satisfactionSubject(1),
                LinkTokens.scoreAction(2), until));
        String five = tokens.issue(new LinkTokens.Claim(id, LinkTokens.satisfactionSubject(1),
                LinkTokens.scoreAction(5), until));

        assertThat(page(get(two), HttpStatus.OK)).contains("You chose <strong>2</strong>", "name=\"comment\"");
        assertThat(page(post(two, Map.of("comment", "The <b>new</b> mug broke too")), HttpStatus.OK))
                .contains("taken your case up again");
        FollowUpCompleted completed = probe.awaitEvents(Topics.FOLLOW_UP_OUTCOMES, id, 1).get(0);
        assertThat(completed.getSatisfied()).isFalse();
        assertThat(completed.getScore()).isEqualTo(2);
        assertThat(completed.getComment()).isEqualTo("The <b>new</b> mug broke too");
        assertThat(probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, id, 2).get(1).getRound()).isEqualTo(2);

        // the same link, or another score of the same mail: round 1 was answered
        assertThat(page(post(two, Map.of()), HttpStatus.CONFLICT)).contains("already answered");
        assertThat(page(get(five), HttpStatus.CONFLICT)).contains("already answered");
        assertThat(probe.eventsUpToNow(Topics.FOLLOW_UP_OUTCOMES, id)).hasSize(1);
    }

    @Test
    void aCheckClosedAsNoAnswerRefusesItsLinksWithAClearPageAndPublishesNothing() {
        String id = complaintWithOpenOffer("A replacement").getComplaintId();
        probe.publish(Topics.FOLLOW_UP_DUE, id, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());
        probe.publish(Topics.FOLLOW_UP_DUE, id, Events.followUpDue(id, FollowUpKind.SATISFACTION_NO_ANSWER).build());
        await().atMost(KafkaProbe.PATIENCE).until(() -> http.get().uri("/api/complaints/" + id).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("followUps").size(), n -> n == 2);
        String four = tokens.issue(new LinkTokens.Claim(id, LinkTokens.satisfactionSubject(1),
                LinkTokens.scoreAction(4), Instant.now().plus(1, ChronoUnit.DAYS)));

        assertThat(page(get(four), HttpStatus.CONFLICT)).contains("This question is closed", "did not hear back");
        assertThat(page(post(four, Map.of("comment", "late")), HttpStatus.CONFLICT)).contains("This question is closed");
        assertThat(probe.eventsUpToNow(Topics.FOLLOW_UP_OUTCOMES, id)).isEmpty();
    }

    @Test
    void aTamperedOrExpiredLinkChangesNothing() {
        RemedyOffered offer = complaintWithOpenOffer("A refund");
        String accept = token(offer, ResponseDecision.ACCEPT, offer.getExpiresAt());
        String decline = token(offer, ResponseDecision.DECLINE, offer.getExpiresAt());
        // the decline payload under the accept signature: the action was changed
        String tampered = decline.substring(0, decline.indexOf('.')) + accept.substring(accept.indexOf('.'));
        String expired = token(offer, ResponseDecision.ACCEPT, Instant.now().minusSeconds(1));
        String otherKey = LinkTokens.fromSecret(KEY + "-not-ours").issue(new LinkTokens.Claim(offer.getComplaintId(),
                offer.getOfferId(), "ACCEPT", offer.getExpiresAt()));

        for (String bad : List.of(tampered, otherKey, "garbage", "")) {
            assertThat(page(get(bad), HttpStatus.BAD_REQUEST)).contains("This link is not valid");
            assertThat(page(post(bad, Map.of()), HttpStatus.BAD_REQUEST)).contains("This link is not valid");
        }
        assertThat(page(get(expired), HttpStatus.GONE)).contains("This link has expired");
        assertThat(page(post(expired, Map.of()), HttpStatus.GONE)).contains("This link has expired");

        assertThat(answers(offer.getComplaintId())).isEmpty();
        // and the offer is still open to its genuine links
        assertThat(page(get(accept), HttpStatus.OK)).contains("Accept this offer?");
    }

    @Test
    void aCounterProposalIsAFormWhoseBadInputIsShownAgainAndPublishesNothing() {
        RemedyOffered offer = complaintWithOpenOffer("A replacement");
        String counter = token(offer, ResponseDecision.COUNTER, offer.getExpiresAt());
        assertThat(page(get(counter), HttpStatus.OK)).contains("What would make it right for you?", "name=\"amount\"");

        String again = page(post(counter, Map.of("kind", "REFUND_PARTIAL", "amount", "lots", "currency", "USD")),
                HttpStatus.BAD_REQUEST);
        assertThat(again).contains("What would make it right for you?", "amount must be a number");
        assertThat(answers(offer.getComplaintId())).isEmpty();

        assertThat(page(post(counter, Map.of("kind", "REFUND_PARTIAL", "amount", "30.00", "currency", "USD",
                "description", "Half back would be fair")), HttpStatus.OK)).contains("look at your proposal");
        RemedyResponded answer = probe.awaitEvents(Topics.REMEDY_RESPONSES, offer.getComplaintId(), 1).get(0);
        assertThat(answer.getDecision()).isEqualTo(ResponseDecision.COUNTER);
        assertThat(answer.getCounterOffer().getKind()).isEqualTo(RemedyKind.REFUND_PARTIAL);
        assertThat(answer.getCounterOffer().getAmount().getAmount()).isEqualByComparingTo("30.00");
    }
}
