package com.makeitright.intake.contacts;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ContactMatch;
import com.makeitright.events.Customer;
import com.makeitright.events.ExternalReference;
import com.makeitright.events.Order;
import com.makeitright.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContactRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String CUSTOMER = "C-7";

    static {
        // loading Topics trusts the event classes for Avro (AvroTrust), as the running service does at start-up;
        // the builders' copies need it
        assertThat(Topics.COMPLAINTS_RECEIVED.name()).isNotBlank();
    }

    private final ContactRule orderAndTicketOnly = new ContactRule(properties(0));
    private final ContactRule withSubjects = new ContactRule(properties(0.5));

    private static RepeatContactProperties properties(double similarity) {
        return new RepeatContactProperties(similarity, Duration.ofDays(7), 20, Duration.ofDays(90));
    }

    private static ComplaintReceived contact(String complaintId, String customer, String orderId, String subject,
                                             Instant at) {
        ComplaintReceived.Builder received = Events.received(complaintId).setOccurredAt(at).setSubject(subject);
        received.setCustomer(Customer.newBuilder(received.getCustomer()).setId(customer).build());
        received.setOrder(orderId == null ? null
                : Order.newBuilder(Events.order("49.00")).setId(orderId).build());
        return received.build();
    }

    private static OpenCase open(String complaintId, String orderId, String subject, Instant at) {
        return OpenCase.of(contact(complaintId, CUSTOMER, orderId, subject, at));
    }

    @Test
    void theSameOrderOfTheSameCustomerIsARepeatContact() {
        List<OpenCase> open = List.of(open("case-1", "O-1", "Wrong CD shipped", NOW.minus(Duration.ofDays(40))));

        assertThat(orderAndTicketOnly.match(contact("new", CUSTOMER, "O-1", "Where is my refund?", NOW), open))
                .contains(new OpenCaseMatch("case-1", ContactMatch.SAME_ORDER));
        assertThat(orderAndTicketOnly.match(contact("new", CUSTOMER, "O-2", "Wrong CD shipped", NOW), open))
                .as("another order is another matter; the subject rule is off").isEmpty();
        assertThat(orderAndTicketOnly.match(contact("new", "C-8", "O-1", "Wrong CD shipped", NOW), open))
                .as("another customer").isEmpty();
        assertThat(orderAndTicketOnly.match(contact("new", " ", "O-1", "Wrong CD shipped", NOW), open))
                .as("no customer id: nothing to match by").isEmpty();
        assertThat(orderAndTicketOnly.match(contact("case-1", CUSTOMER, "O-1", "Wrong CD shipped", NOW), open))
                .as("the case itself (its own retry) is not a repeat contact of itself").isEmpty();
    }

    @Test
    void theSameHelpdeskTicketWinsOverTheSameOrder() {
        ComplaintReceived fromTicket = ComplaintReceived.newBuilder(contact("t-1", CUSTOMER, "O-1", "Broken", NOW))
                .setExternalReference(ExternalReference.newBuilder().setSystem("zammad").setTicketId("42").setUrl(null)
                        .build()).build();
        OpenCase byTicket = OpenCase.of(fromTicket);
        OpenCase byOrder = open("case-2", "O-1", "Broken", NOW);
        ComplaintReceived again = ComplaintReceived.newBuilder(contact("new", CUSTOMER, "O-1", "Still broken", NOW))
                .setExternalReference(ExternalReference.newBuilder().setSystem("zammad").setTicketId("42").setUrl(null)
                        .build()).build();
        ComplaintReceived otherSystem = ComplaintReceived.newBuilder(again)
                .setExternalReference(ExternalReference.newBuilder().setSystem("zendesk").setTicketId("42").setUrl(null)
                        .build()).setOrder(null).build();

        assertThat(orderAndTicketOnly.match(again, List.of(byOrder, byTicket)))
                .contains(new OpenCaseMatch("t-1", ContactMatch.SAME_TICKET));
        assertThat(orderAndTicketOnly.match(otherSystem, List.of(byTicket))).as("ticket 42 of another helpdesk")
                .isEmpty();
    }

    @Test
    void aSimilarSubjectWithinTheWindowIsARepeatContactOnlyWhenConfigured() {
        OpenCase recent = open("case-3", null, "Parcel never arrived, tracking stuck", NOW.minus(Duration.ofDays(2)));
        OpenCase old = open("case-4", null, "Parcel never arrived, tracking stuck", NOW.minus(Duration.ofDays(8)));
        ComplaintReceived again = contact("new", CUSTOMER, null, "RE: parcel still never arrived!", NOW);

        assertThat(withSubjects.match(again, List.of(recent)))
                .contains(new OpenCaseMatch("case-3", ContactMatch.SIMILAR_SUBJECT));
        assertThat(withSubjects.match(again, List.of(old))).as("outside the 7-day window").isEmpty();
        assertThat(orderAndTicketOnly.match(again, List.of(recent))).as("similarity 0: off").isEmpty();
        assertThat(withSubjects.match(contact("new", CUSTOMER, null, "Invoice shows the wrong address", NOW),
                List.of(recent))).as("another matter").isEmpty();
    }

    @Test
    void theMostSimilarSubjectWinsAmongSeveral() {
        OpenCase parcel = open("parcel", null, "Parcel never arrived", NOW.minus(Duration.ofHours(1)));
        OpenCase parcelTracking = open("tracking", null, "Parcel never arrived tracking stuck",
                NOW.minus(Duration.ofHours(2)));

        Optional<OpenCaseMatch> best = withSubjects.match(
                contact("new", CUSTOMER, null, "Parcel tracking stuck, never arrived", NOW), List.of(parcel, parcelTracking));

        assertThat(best).contains(new OpenCaseMatch("tracking", ContactMatch.SIMILAR_SUBJECT));
    }

    @Test
    void aSubjectsSignatureIsItsDistinctMeaningfulWordsBounded() {
        assertThat(ContactRule.words("RE: Fwd: Café order — NOT delivered, not DELIVERED!"))
                .containsExactly("cafe", "delivered");
        assertThat(ContactRule.words("w".repeat(100) + " " + String.join(" ",
                java.util.stream.IntStream.range(0, 100).mapToObj(i -> "word" + i).toList())))
                .hasSize(ContactRule.MAX_WORDS).allSatisfy(word -> assertThat(word.length()).isLessThanOrEqualTo(40));
        assertThat(ContactRule.similarity(List.of("a1", "b2"), List.of("b2", "c3"))).isEqualTo(1.0 / 3);
    }
}
