package com.makeitright.triage.stream;

import com.makeitright.contract.Monies;
import com.makeitright.events.Cause;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.Order;
import com.makeitright.testing.CommittedContract;
import com.makeitright.testing.Events;
import com.makeitright.triage.acknowledge.AcknowledgeDeadlines;
import com.makeitright.triage.acknowledge.Triage;
import com.makeitright.triage.acknowledge.TriageDecision;
import com.makeitright.triage.classify.History;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's own case (issue 18), first half of its end-to-end test: triage reads the half-built website as our
 * error and publishes that acknowledgement. The event, exactly as triage builds it, is committed to
 * {@value #FIXTURE}; remedy's {@code HalfBuiltWebsitePolicyTest} reads that file and checks the offer, so the two
 * halves test one chain (the file fails here when triage's event changes).
 */
class HalfBuiltWebsiteTest {

    static final String FIXTURE = "test-support/src/main/resources/contract/half-built-website.acknowledged.json";
    static final String REGENERATE = "./mvnw -q -pl triage-service -am verify -Dtest=HalfBuiltWebsiteTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NONE -Dcontract.write=true";
    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    static {
        // Avro handles only trusted classes; loading Topics trusts the events' package, as in the services.
        java.util.Objects.requireNonNull(com.makeitright.contract.Topics.ALL);
    }

    @Test
    void isReadAsOurErrorOnWorkHalfDone() throws Exception {
        ComplaintReceived received = Events.received("half-built-website").setEventId("received-1").setOccurredAt(NOW)
                .setSubject("My website")
                .setDescription("You built half of my website and then stopped answering. "
                        + "I want the money back for the part you never did")
                .setDesiredOutcome(null)
                .setOrder(Order.newBuilder().setId("O-WEB-1").setSku("WEB-SITE").setAmount(Monies.of("2400.00", "USD"))
                        .setCompletedFraction(new BigDecimal("0.5")).build())
                .build();
        Triage triage = new Triage(AcknowledgeDeadlines.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC));
        TriageDecision decision = triage.decide(AcknowledgementEvents.complaint(received, History.NONE));
        // A fixed event id: the committed file is the same on every run.
        ComplaintAcknowledged ack = ComplaintAcknowledged.newBuilder(
                AcknowledgementEvents.acknowledged(received, decision, History.NONE, NOW)).setEventId("acknowledged-1").build();

        assertThat(ack.getCause()).as("work paid for and left half done is our error").isEqualTo(Cause.OUR_ERROR);
        assertThat(ack.getRunnerUpCause()).isNotNull().isNotEqualTo(Cause.OUR_ERROR);
        CommittedContract.assertMatches(json(ack), CommittedContract.inRepository(FIXTURE), REGENERATE, "contract.write");
    }

    private static String json(ComplaintAcknowledged ack) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonEncoder encoder = EncoderFactory.get().jsonEncoder(ComplaintAcknowledged.getClassSchema(), out, true);
        new SpecificDatumWriter<>(ComplaintAcknowledged.class).write(ack, encoder);
        encoder.flush();
        return out.toString(StandardCharsets.UTF_8) + "\n";
    }
}
