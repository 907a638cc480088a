package com.makeitright.remedy;

import com.makeitright.contract.Monies;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.ResponseDecision;
import com.makeitright.testing.Events;
import com.makeitright.testing.MutableClock;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * remedy-service stopped and started again on a real broker: a new instance with a new, empty state directory
 * restores the negotiation from its changelog and carries on; and offer expiry driven by the wall-clock
 * punctuator, with the service's clock moved by the test.
 */
@WithKafkaBroker
class RemedyRestartIT {

    @Test
    void aRestartWithAnEmptyStateDirectoryContinuesTheNegotiationFromTheChangelog(EmbeddedKafkaBroker broker) {
        try (KafkaProbe probe = new KafkaProbe(broker.getBrokersAsString())) {
            ComplaintAcknowledged ack = Events.acknowledged("restart-" + Events.newId()).build();
            String id = ack.getComplaintId();
            RemedyResponded firstDecline;
            RemedyOffered second;
            try (ConfigurableApplicationContext first = start(broker, "remedy-restart-test", Clock.systemUTC())) {
                probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, ack);
                RemedyOffered offer = probe.awaitEvents(Topics.REMEDY_OFFERED, id, 1).get(0);
                firstDecline = respond(offer, ResponseDecision.DECLINE);
                probe.publish(Topics.REMEDY_RESPONSES, id, firstDecline);
                second = probe.awaitEvents(Topics.REMEDY_OFFERED, id, 2).get(1);
            }

            try (ConfigurableApplicationContext restarted = start(broker, "remedy-restart-test", Clock.systemUTC())) {
                probe.publish(Topics.REMEDY_RESPONSES, id, firstDecline); // redelivered: already handled before the restart
                probe.publish(Topics.REMEDY_RESPONSES, id, respond(second, ResponseDecision.DECLINE));
                RemedyOffered third = probe.awaitEvents(Topics.REMEDY_OFFERED, id, 3).get(2);

                assertThat(third.getNegotiationRound()).as("the round count survived").isEqualTo(3);
                assertThat(third.getGoodwill().getValue()).as("built on the restored second offer")
                        .isEqualTo(Monies.of("20.00", "USD"));

                probe.publish(Topics.REMEDY_RESPONSES, id, respond(third, ResponseDecision.DECLINE));
                RemedyOffered fourth = probe.awaitEvents(Topics.REMEDY_OFFERED, id, 4).get(3);
                assertThat(fourth.getKind()).as("max rounds reached, counted across the restart").isEqualTo(RemedyKind.MEDIATION);
                assertThat(probe.eventsFor(Topics.REMEDY_OFFERED, id)).hasSize(4);
            }
        }
    }

    @Test
    void anUnansweredOfferIsRenewedOnceThenTheRoundEndsWithoutResponse(EmbeddedKafkaBroker broker) {
        MutableClock clock = new MutableClock(Instant.now());
        try (KafkaProbe probe = new KafkaProbe(broker.getBrokersAsString());
             ConfigurableApplicationContext ignored = start(broker, "remedy-expiry-test", clock)) {
            ComplaintAcknowledged ack = Events.acknowledged("expiry-" + Events.newId()).build();
            String id = ack.getComplaintId();
            probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, ack);
            RemedyOffered first = probe.awaitEvents(Topics.REMEDY_OFFERED, id, 1).get(0);

            clock.advance(Duration.ofDays(7).plusMinutes(1));
            RemedyOffered renewed = probe.awaitEvents(Topics.REMEDY_OFFERED, id, 2).get(1);
            assertThat(renewed.getOfferId()).isNotEqualTo(first.getOfferId());
            assertThat(renewed.getKind()).isEqualTo(first.getKind());
            assertThat(renewed.getExpiresAt()).isAfter(first.getExpiresAt());

            clock.advance(Duration.ofDays(7).plusMinutes(1));
            ComplaintResolved resolved = probe.awaitEvents(Topics.COMPLAINTS_RESOLVED, id, 1).get(0);
            assertThat(resolved.getOutcome()).isEqualTo(ResolutionOutcome.NO_RESPONSE);
            assertThat(resolved.getCausationId()).isEqualTo(renewed.getEventId());
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, String applicationId, Clock clock) {
        Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "make-it-right-tests", "remedy-" + UUID.randomUUID());
        return new SpringApplicationBuilder(RemedyApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                // arguments, not default properties: they must win over the system property another test's
                // embedded broker may have set
                .run("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.kafka.streams.application-id=" + applicationId,
                        "--spring.kafka.streams.state-dir=" + stateDir,
                        "--remedy.policy.negotiation.expiry-check-interval=PT0.5S");
    }

    private static RemedyResponded respond(RemedyOffered offer, ResponseDecision decision) {
        return Events.responded(offer.getComplaintId(), offer.getOfferId(), decision)
                .setCausationId(offer.getEventId()).build();
    }
}
