package com.makeitright.intake.submission;

import com.makeitright.contract.Topics;
import com.makeitright.events.Channel;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.CustomerTier;
import com.makeitright.intake.publishing.PublishFailed;
import com.makeitright.intake.status.UnappliedWrites;
import com.makeitright.intake.testing.InMemoryViews;
import com.makeitright.intake.testing.RecordingPublisher;
import com.makeitright.intake.testing.InMemorySealing;
import com.makeitright.intake.testing.SliceStubs;
import com.makeitright.platform.ProblemDetailsAdvice;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.ComplaintRequest.Customer;
import com.makeitright.testing.ComplaintRequest.Order;
import com.makeitright.testing.LabeledExamples;
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
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/complaints} over HTTP: every input rule, problem+json, idempotency; Kafka replaced by stubs. */
@WebFluxTest(controllers = ComplaintController.class)
@Import({ComplaintSubmission.class, ProblemDetailsAdvice.class, SliceStubs.class})
class ComplaintHttpTest {

    @Autowired
    WebTestClient http;

    @Autowired
    RecordingPublisher publisher;

    @Autowired
    InMemorySealing sealing;

    @Autowired
    InMemoryViews views;

    @Autowired
    UnappliedWrites unapplied;

    @BeforeEach
    void clean() {
        publisher.clear();
        views.clear();
    }

    private WebTestClient.ResponseSpec post(Object body) {
        return http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec post(Object body, String key) {
        return http.post().uri("/api/complaints").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aValidComplaintIsAcceptedAndPublishedAsComplaintReceived() {
        ComplaintRequest request = ComplaintRequest.aComplaint();

        post(request).expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/complaints/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.stage").isEqualTo("RECEIVED")
                .jsonPath("$.statusUrl").value(url -> assertThat((String) url).startsWith("/api/complaints/"));

        assertThat(publisher.published()).singleElement().satisfies(outgoing -> {
            assertThat(outgoing.topic()).isEqualTo(Topics.COMPLAINTS_RECEIVED);
            ComplaintReceived event = (ComplaintReceived) outgoing.event();
            assertThat(outgoing.complaintId()).isEqualTo(event.getComplaintId());
            assertThat(event.getOccurredAt()).isEqualTo(SliceStubs.NOW);
            assertThat(event.getChannel()).isEqualTo(Channel.EMAIL);
            assertThat(event.getCustomer().getTier()).isEqualTo(CustomerTier.STANDARD);
            assertThat(event.getOrder().getAmount().getAmount()).isEqualByComparingTo("49.00");
        });
    }

    @Test
    void everyLabeledExampleIsAccepted() {
        for (LabeledExamples.Example example : LabeledExamples.all()) {
            http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue(example.complaintJson())
                    .exchange()
                    .expectStatus().isAccepted();
        }
        assertThat(publisher.published()).hasSize(16);
    }

    @Test
    void aPhoneIsEnoughToReachTheCustomerAndTheTierDefaultsToStandard() {
        ComplaintRequest phoneOnly = ComplaintRequest.aComplaint().withCustomer(
                new Customer("C-77", "Sam Lee", null, "+1 555 0100", null, "2019-04-01"));

        post(phoneOnly).expectStatus().isAccepted();

        ComplaintReceived published = (ComplaintReceived) publisher.published().get(0).event();
        assertThat(published.getCustomer().getPhone()).isNull(); // sealed (docs/privacy.md)
        ComplaintReceived event = (ComplaintReceived) sealing.open("C-77", published);
        assertThat(event.getCustomer().getEmail()).isNull();
        assertThat(event.getCustomer().getPhone()).isEqualTo("+1 555 0100");
        assertThat(event.getCustomer().getTier()).isEqualTo(CustomerTier.STANDARD);
        assertThat(event.getCustomer().getCustomerSince()).isEqualTo(LocalDate.of(2019, 4, 1));
    }

    static Stream<Arguments> invalidComplaints() {
        ComplaintRequest valid = ComplaintRequest.aComplaint();
        Customer customer = valid.customer();
        return Stream.of(
                Arguments.of(valid.withCustomer(null), "customer"),
                Arguments.of(valid.withCustomerId(" "), "customer.id"),
                Arguments.of(valid.withCustomerId("C".repeat(65)), "customer.id"),
                Arguments.of(valid.withCustomer(new Customer(customer.id(), "N".repeat(201), customer.email(), null,
                        null, null)), "customer.name"),
                Arguments.of(valid.withCustomer(new Customer(customer.id(), null, customer.email(), null, null, null)),
                        "customer.name"),
                Arguments.of(valid.withEmail("not-an-email"), "customer.email"),
                Arguments.of(valid.withEmail("dana@localhost"), "customer.email"),
                Arguments.of(valid.withEmail(null), "customer.email"),
                Arguments.of(valid.withTier("DIAMOND"), "customer.tier"),
                Arguments.of(valid.withCustomer(new Customer(customer.id(), customer.name(), customer.email(), null,
                        null, "2019-13-01")), "customer.since"),
                Arguments.of(valid.withCustomer(new Customer(customer.id(), customer.name(), customer.email(), null,
                        null, LocalDate.of(2026, 3, 11).toString())), "customer.since"),
                Arguments.of(valid.withChannel(null), "channel"),
                Arguments.of(valid.withChannel("FAX"), "channel"),
                Arguments.of(valid.withChannel("OTHER"), "channel"),
                Arguments.of(valid.withSubject(""), "subject"),
                Arguments.of(valid.withSubject("S".repeat(201)), "subject"),
                Arguments.of(valid.withDescription(null), "description"),
                // only whitespace or control characters: @NotBlank alone lets "\u0000\u0007" through
                Arguments.of(valid.withDescription("\u0000\u0007\n\t"), "description"),
                Arguments.of(valid.withDescription("\u200B\uFEFF \u0085"), "description"),
                Arguments.of(valid.withSubject(" \u0007 "), "subject"),
                Arguments.of(valid.withDesiredOutcome("\u0000"), "desiredOutcome"),
                Arguments.of(valid.withCustomerId("\u0000"), "customer.id"),
                Arguments.of(valid.withDescription("D".repeat(5001)), "description"),
                Arguments.of(valid.withDesiredOutcome("W".repeat(501)), "desiredOutcome"),
                Arguments.of(valid.withOrderAmount("0", "USD"), "order.amount"),
                Arguments.of(valid.withOrderAmount("-5.00", "USD"), "order.amount"),
                Arguments.of(valid.withOrderAmount("12.345", "USD"), "order.amount"),
                Arguments.of(valid.withOrderAmount("1000000.01", "USD"), "order.amount"),
                Arguments.of(valid.withOrder(new Order("O-1", null, null, "USD", null)), "order.amount"),
                Arguments.of(valid.withOrderAmount("10.00", "XYZ"), "order.currency"),
                Arguments.of(valid.withOrderAmount("10.00", "KWD"), "order.currency"),
                Arguments.of(valid.withOrder(new Order("O-1", null, new BigDecimal("10.00"), null, null)), "order.currency"),
                Arguments.of(valid.withOrder(new Order(null, null, new BigDecimal("10.00"), "USD", null)), "order.id"),
                Arguments.of(valid.withCompletedFraction("1.5"), "order.completedFraction"),
                Arguments.of(valid.withCompletedFraction("-0.1"), "order.completedFraction"),
                Arguments.of(valid.withCompletedFraction("0.12345"), "order.completedFraction"));
    }

    @ParameterizedTest
    @MethodSource("invalidComplaints")
    void anInvalidComplaintIsABadRequestNamingTheFieldAndPublishesNothing(ComplaintRequest request, String field) {
        post(request).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(field))
                .jsonPath("$.errors[?(@.field == '" + field + "')].message").isNotEmpty();

        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ComplaintRequest bad = ComplaintRequest.aComplaint().withChannel("FAX").withSubject("")
                .withEmail("nope").withOrderAmount("1.001", "ABC");

        post(bad).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(5)
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("channel", "subject", "customer.email", "order.amount", "order.currency"));
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void unreadableBodiesAreBadRequestProblems() {
        http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Malformed request");
        http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"order\": {\"amount\": \"lots\"}}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/complaints").contentType(MediaType.TEXT_PLAIN).bodyValue("my CD is wrong")
                .exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void theSameKeyReturnsTheSameComplaintAndPublishesOnce() {
        ComplaintRequest request = ComplaintRequest.aComplaint();
        String id = IdempotencyKeys.complaintId("key-1");

        post(request, "key-1").expectStatus().isAccepted()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody().jsonPath("$.complaintId").isEqualTo(id);
        post(request, "key-1").expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().location("/api/complaints/" + id)
                .expectBody().jsonPath("$.complaintId").isEqualTo(id).jsonPath("$.stage").isEqualTo("RECEIVED");

        assertThat(publisher.published()).singleElement()
                .satisfies(o -> assertThat(((ComplaintReceived) o.event()).getIdempotencyKey()).isEqualTo("key-1"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsUnprocessable() {
        post(ComplaintRequest.aComplaint(), "key-2").expectStatus().isAccepted();

        post(ComplaintRequest.aComplaint(), "key-2").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Idempotency-Key reused");
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void theAnswerDoesNotWaitForTheViewAndTheComplaintShowsRightAfterIt() {
        publisher.viewLags();

        String id = (String) post(ComplaintRequest.aComplaint()).expectStatus().isAccepted()
                .expectBody(java.util.Map.class).returnResult().getResponseBody().get("complaintId");

        // what GET /api/complaints/{id} folds (StatusController reads the same views)
        assertThat(views.find(id).block()).get().satisfies(state -> {
            assertThat(state.stage().name()).isEqualTo("RECEIVED");
            assertThat(state.complaintId()).isEqualTo(id);
        });
    }

    @Test
    void aRetryBeforeTheViewCaughtUpIsReplayedAndPublishesNothing() {
        publisher.viewLags();
        ComplaintRequest request = ComplaintRequest.aComplaint();

        post(request, "lagging-key").expectStatus().isAccepted().expectHeader().doesNotExist("Idempotent-Replayed");
        post(request, "lagging-key").expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.complaintId").isEqualTo(IdempotencyKeys.complaintId("lagging-key"));
        post(ComplaintRequest.aComplaint().withSubject("Another one"), "lagging-key")
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);

        assertThat(publisher.published()).singleElement().satisfies(o ->
                assertThat(((ComplaintReceived) o.event()).getEventId()).isEqualTo(IdempotencyKeys.eventId("lagging-key")));
    }

    @Test
    void aBrokerThatDoesNotAcknowledgeIsA503WithRetryAfterAndLeavesNothingBehind() {
        publisher.failWith(new PublishFailed("The broker did not acknowledge ComplaintReceived within PT5S", null,
                Duration.ofSeconds(5)));

        post(ComplaintRequest.aComplaint(), "outage-key").expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.title").isEqualTo("Not published");

        assertThat(views.find(IdempotencyKeys.complaintId("outage-key")).block()).isEmpty();
        assertThat(unapplied.events(IdempotencyKeys.complaintId("outage-key"))).isEmpty();

        publisher.clear(); // the broker is back: the retry is a first publication, not a replay
        post(ComplaintRequest.aComplaint(), "outage-key").expectStatus().isAccepted()
                .expectHeader().doesNotExist("Idempotent-Replayed");
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void aKeyMustBePrintableAndAtMost200Characters() {
        post(ComplaintRequest.aComplaint(), "k".repeat(201)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        post(ComplaintRequest.aComplaint(), "tab\there").expectStatus().isBadRequest();
        post(ComplaintRequest.aComplaint(), "k".repeat(200)).expectStatus().isAccepted();
        assertThat(publisher.published()).hasSize(1);
    }
}
