package com.makeitright.triage.stream;

import com.makeitright.contract.Topics;
import com.makeitright.events.AgreedRemedy;
import com.makeitright.events.Cause;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.Customer;
import com.makeitright.events.CustomerTier;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.ReopenedFrom;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import com.makeitright.triage.TriageApplication;
import com.makeitright.testing.security.TestCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Triage on a real broker: one acknowledgement per round, with the customer's memory built from the topics. */
@WithKafkaBroker
@SpringBootTest(classes = TriageApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/triage-${random.uuid}"
})
class TriageStreamIT {

    static KafkaProbe probe;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${local.server.port}")
    int port;

    @AfterAll
    static void closeProbe() {
        if (probe != null) {
            probe.close();
        }
    }

    KafkaProbe probe() {
        if (probe == null) {
            probe = new KafkaProbe(bootstrapServers);
        }
        return probe;
    }

    static ComplaintReceived complaint(String customerId, String description, Instant at) {
        String id = Events.newId();
        return Events.received(id).setOccurredAt(at).setSubject("Parcel").setDescription(description)
                .setCustomer(Customer.newBuilder().setId(customerId).setName("Dana Reyes").setEmail("dana@example.com")
                        .setPhone(null).setTier(CustomerTier.STANDARD).setCustomerSince(null).build())
                .build();
    }

    ComplaintAcknowledged acknowledge(ComplaintReceived received) {
        probe().publish(Topics.COMPLAINTS_RECEIVED, received.getComplaintId(), received);
        return probe().awaitEvents(Topics.COMPLAINTS_ACKNOWLEDGED, received.getComplaintId(), 1).get(0);
    }

    /** What ops' Prometheus reads: the text of /actuator/prometheus. */
    String prometheus() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", TestCredentials.bearer("ops")).build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aComplaintIsAcknowledgedOnceAndADuplicateReceivedEventIsNot() throws Exception {
        String customer = "C-" + Events.newId();
        ComplaintReceived received = complaint(customer, "I ordered the blue kettle and you sent the wrong colour, a red one."
                + " Could you swap it? Thanks.", Instant.now());

        ComplaintAcknowledged ack = acknowledge(received);

        assertThat(ack.getCausationId()).isEqualTo(received.getEventId());
        assertThat(ack.getCustomerId()).isEqualTo(customer);
        assertThat(ack.getCause()).isEqualTo(Cause.OUR_ERROR);
        assertThat(ack.getDescription()).isEqualTo(received.getDescription());
        assertThat(ack.getSignals()).isNotEmpty();
        assertThat(ack.getHandlingAdvice()).isNotEmpty();
        assertThat(ack.getAcknowledgementText()).contains("you sent the wrong colour, a red one");
        assertThat(prometheus()).containsPattern("(?m)^makeitright_complaints_acknowledged_total\\{anger=\""
                + ack.getAnger() + "\",[^}]*cause=\"OUR_ERROR\"[^}]*} [1-9]")
                .containsPattern("(?m)^makeitright_stage_seconds_count\\{[^}]*stage=\"acknowledged\"[^}]*} [1-9]")
                .containsPattern("(?m)^makeitright_stage_seconds\\{(?=[^}]*stage=\"acknowledged\")[^}]*quantile=\"0.95\"");

        probe().publish(Topics.COMPLAINTS_RECEIVED, received.getComplaintId(), received); // redelivered
        ComplaintAcknowledged marker = acknowledge(complaint(customer, "The lid of the kettle is cracked as well.", Instant.now()));

        // The marker from the same customer is processed after the duplicate, on the same partition.
        assertThat(marker.getCustomerHistory().getComplaintsLast12Months()).isEqualTo(1);
        assertThat(probe().eventsFor(Topics.COMPLAINTS_ACKNOWLEDGED, received.getComplaintId())).hasSize(1);
    }

    @Test
    void aFourthNeverArrivedClaimWithinAYearIsSuspectedAbuseWithThreeEarlierClaimsInItsHistory() {
        String customer = "C-" + Events.newId();
        String claim = "My parcel shows delivered but it is not here. Could you look into it?";
        Instant now = Instant.now();
        acknowledge(complaint(customer, claim, now.minus(500, ChronoUnit.DAYS))); // older than 12 months
        for (int daysAgo : List.of(200, 100, 10)) {
            ComplaintAcknowledged earlier = acknowledge(complaint(customer, claim, now.minus(daysAgo, ChronoUnit.DAYS)));
            assertThat(earlier.getCause()).isNotEqualTo(Cause.SUSPECTED_ABUSE);
        }

        ComplaintAcknowledged fourth = acknowledge(complaint(customer, claim, now));

        assertThat(fourth.getCause()).isEqualTo(Cause.SUSPECTED_ABUSE);
        assertThat(fourth.getCustomerHistory().getNeverArrivedLast12Months()).isEqualTo(3);
        assertThat(fourth.getCustomerHistory().getComplaintsLast12Months()).isEqualTo(3);
        assertThat(fourth.getSignals()).anySatisfy(s -> assertThat(s.getSignal()).isEqualTo("history-never-arrived"));
    }

    @Test
    void aResolutionWithDoNotServeFlagsTheCustomersNextComplaint() {
        String customer = "C-" + Events.newId();
        ComplaintAcknowledged first = acknowledge(complaint(customer, "The toaster you sent is broken. Please help.", Instant.now()));
        probe().publish(Topics.COMPLAINTS_RESOLVED, first.getComplaintId(), Events.resolved(first.getComplaintId())
                .setCustomerId(customer).setDoNotServe(true)
                .setRemedy(AgreedRemedy.newBuilder().setOfferId(Events.newId()).setKind(RemedyKind.REFUND_AND_DISENGAGE)
                        .setAmount(null).setGoodwill(null).setDescription("Refunded; we part ways.").build())
                .build());

        AtomicReference<ComplaintAcknowledged> next = new AtomicReference<>();
        await().atMost(KafkaProbe.PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            next.set(acknowledge(complaint(customer, "The replacement kettle is broken too.", Instant.now())));
            return next.get().getCustomerHistory().getDoNotServe();
        });

        ComplaintAcknowledged flagged = next.get();
        assertThat(flagged.getCustomerHistory().getRefundsLast12Months()).isEqualTo(1);
        assertThat(flagged.getReviewNeeded()).isTrue();
        assertThat(flagged.getReviewReasons()).anySatisfy(r -> assertThat(r).contains("not to serve this customer again"));
        assertThat(flagged.getHandlingAdvice()).anySatisfy(a -> assertThat(a.getCode()).isEqualTo("DO_NOT_SERVE"));
    }

    @Test
    void aReopenedRoundIsAcknowledgedAgainWithHigherPriorityAndSaysTheFirstFixFailed() {
        String customer = "C-" + Events.newId();
        ComplaintReceived round1 = complaint(customer, "The blender you sent leaks from the base. Could you replace it?", Instant.now());
        ComplaintAcknowledged first = acknowledge(round1);

        ComplaintReceived round2 = ComplaintReceived.newBuilder(round1).setEventId(Events.newId()).setRound(2)
                .setCausationId(Events.newId()).setOccurredAt(Instant.now())
                .setReopenedFrom(ReopenedFrom.newBuilder().setPreviousRound(1).setFollowUpEventId(Events.newId())
                        .setScore(2).setComment("The replacement leaks too").build())
                .build();
        probe().publish(Topics.COMPLAINTS_RECEIVED, round2.getComplaintId(), round2);
        ComplaintAcknowledged second = probe().awaitEvents(Topics.COMPLAINTS_ACKNOWLEDGED, round2.getComplaintId(), 2).get(1);

        assertThat(second.getRound()).isEqualTo(2);
        assertThat(second.getCausationId()).isEqualTo(round2.getEventId());
        assertThat(second.getReopenedFrom().getComment()).isEqualTo("The replacement leaks too");
        assertThat(second.getAcknowledgementText()).startsWith("I am sorry that what we did the first time did not put this right");
        assertThat(second.getPriority().ordinal()).isLessThan(first.getPriority().ordinal());
        assertThat(second.getCustomerHistory().getComplaintsLast12Months()).isZero();
    }
}
