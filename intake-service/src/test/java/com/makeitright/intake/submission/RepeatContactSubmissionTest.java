package com.makeitright.intake.submission;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintContactAdded;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ContactMatch;
import com.makeitright.events.Customer;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.intake.contacts.OpenCaseMatch;
import com.makeitright.intake.contacts.OpenCases;
import com.makeitright.intake.status.UnappliedWrites;
import com.makeitright.intake.testing.InMemorySealing;
import com.makeitright.intake.testing.InMemoryViews;
import com.makeitright.intake.testing.RecordingPublisher;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.Events;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The submission path when the customer has an open case ({@link OpenCases} says which; its rule and store are tested
 * in ContactRuleTest and IntakeIT): one ComplaintContactAdded on that case per contact, numbered from the case's
 * view, and a retry (same Idempotency-Key) or a webhook redelivery (same ticket) publishes nothing.
 */
class RepeatContactSubmissionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String CUSTOMER = "C-calls-incessantly";
    private static final String CASE = "open-case-1";

    private final UnappliedWrites unapplied = new UnappliedWrites(100, 1_000_000, Duration.ofMinutes(5), System::nanoTime);
    private final InMemoryViews views = new InMemoryViews(unapplied);
    private final RecordingPublisher publisher = new RecordingPublisher(views);
    /** The customer's one open case matches every contact of theirs, by order. */
    private final OpenCases openCases = incoming -> Mono.just(CUSTOMER.equals(incoming.getCustomer().getId())
            ? Optional.of(new OpenCaseMatch(CASE, ContactMatch.SAME_ORDER)) : Optional.empty());
    private final ComplaintSubmission submission = new ComplaintSubmission(
            Validation.buildDefaultValidatorFactory().getValidator(), Clock.systemUTC(), publisher, views, openCases,
            unapplied, new InMemorySealing(), (topic, key) -> Mono.empty(), new IntakeProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10), null, Duration.ofSeconds(5),
            new IntakeProperties.Unapplied(100, DataSize.ofMegabytes(1), Duration.ofMinutes(5)), 100,
            new IntakeProperties.View(Duration.ofDays(1), Duration.ofDays(2), 100, Duration.ofMinutes(1)),
            new IntakeProperties.PersonalData(Duration.ofDays(365), Duration.ofHours(1))));

    RepeatContactSubmissionTest() {
        ComplaintReceived opened = Events.received(CASE).build();
        views.record(Topics.COMPLAINTS_RECEIVED, CASE, ComplaintReceived.newBuilder(opened)
                .setCustomer(Customer.newBuilder(opened.getCustomer()).setId(CUSTOMER).build()).build());
    }

    private static ComplaintBody body(ComplaintRequest request) {
        JsonMapper json = JsonMapper.builder().build();
        return json.readValue(json.writeValueAsString(request), ComplaintBody.class);
    }

    @Test
    void eachContactIsOneNumberedEventOnTheOpenCaseAndARetryOrRedeliveryPublishesNothing() {
        ComplaintBody again = body(ComplaintRequest.aComplaint().withCustomerId(CUSTOMER).withSubject("Still nothing"));
        HelpdeskComplaint ticket = new HelpdeskComplaint("zammad", "4711", null, CUSTOMER, "Dana Reyes",
                "dana@example.com", null, "EMAIL", "Still no answer", "I wrote twice already.");

        ComplaintSubmission.Submitted byApi = submission.submit(again, "key-2").block(PATIENCE);
        ComplaintSubmission.Submitted retried = submission.submit(again, "key-2").block(PATIENCE);
        ComplaintSubmission.Submitted byWebhook = submission.submitTicket(ticket).block(PATIENCE);
        ComplaintSubmission.Submitted redelivered = submission.submitTicket(ticket).block(PATIENCE);

        assertThat(byApi).isEqualTo(new ComplaintSubmission.Submitted(CASE, false, 2, "RECEIVED"));
        assertThat(retried).isEqualTo(new ComplaintSubmission.Submitted(CASE, true, 2, "RECEIVED"));
        assertThat(byWebhook).isEqualTo(new ComplaintSubmission.Submitted(CASE, false, 3, "RECEIVED"));
        assertThat(redelivered).isEqualTo(new ComplaintSubmission.Submitted(CASE, true, 3, "RECEIVED"));
        assertThat(publisher.published()).allSatisfy(out -> {
            assertThat(out.topic()).isEqualTo(Topics.CONTACTS_ADDED);
            assertThat(out.complaintId()).isEqualTo(CASE);
        }).hasSize(2);
        ComplaintContactAdded fromTicket = (ComplaintContactAdded) publisher.published().get(1).event();
        assertThat(fromTicket.getExternalSystem()).isEqualTo("zammad");
        assertThat(fromTicket.getExternalTicketId()).isEqualTo("4711");
        assertThat(fromTicket.getIdempotencyKey()).isEqualTo("zammad:4711");
        assertThat(fromTicket.getCausationId()).isEqualTo(views.find(CASE).block(PATIENCE).orElseThrow()
                .received().getEventId());
    }

    @Test
    void anotherCustomerOpensANewComplaint() {
        ComplaintSubmission.Submitted other = submission.submit(body(ComplaintRequest.aComplaint()), null)
                .block(PATIENCE);

        assertThat(other.merged()).isFalse();
        assertThat(other.complaintId()).isNotEqualTo(CASE);
        assertThat(publisher.published()).singleElement()
                .satisfies(out -> assertThat(out.topic()).isEqualTo(Topics.COMPLAINTS_RECEIVED));
    }
}
