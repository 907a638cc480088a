package com.makeitright.triage.stream;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import com.makeitright.triage.TriageApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Instant;
import java.util.UUID;

import static com.makeitright.triage.stream.TriageStreamIT.complaint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer memory and the acknowledged rounds survive a restart: a second triage instance with a new,
 * empty state directory restores them from the changelog topics.
 */
@WithKafkaBroker
class TriageRestartIT {

    private static ConfigurableApplicationContext start(String bootstrapServers) {
        return new SpringApplicationBuilder(TriageApplication.class).web(WebApplicationType.NONE).run(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.streams.state-dir=" + System.getProperty("java.io.tmpdir")
                        + "/make-it-right-tests/triage-restart-" + UUID.randomUUID());
    }

    private static ComplaintAcknowledged acknowledge(KafkaProbe probe, ComplaintReceived received) {
        probe.publish(Topics.COMPLAINTS_RECEIVED, received.getComplaintId(), received);
        return probe.awaitEvents(Topics.COMPLAINTS_ACKNOWLEDGED, received.getComplaintId(), 1).get(0);
    }

    @Test
    void historyAndDuplicateDetectionSurviveARestartWithAnEmptyStateDirectory(EmbeddedKafkaBroker broker) {
        String servers = broker.getBrokersAsString();
        String customer = "C-" + UUID.randomUUID();
        ComplaintReceived first = complaint(customer, "My parcel shows delivered but it is not here.", Instant.now());
        try (KafkaProbe probe = new KafkaProbe(servers)) {
            try (ConfigurableApplicationContext before = start(servers)) {
                acknowledge(probe, first);
                acknowledge(probe, complaint(customer, "The lamp you sent arrived cracked.", Instant.now()));
            }

            try (ConfigurableApplicationContext after = start(servers)) {
                probe.publish(Topics.COMPLAINTS_RECEIVED, first.getComplaintId(), first); // redelivered after restart
                ComplaintAcknowledged third = acknowledge(probe,
                        complaint(customer, "And the replacement lamp arrived cracked too.", Instant.now()));

                assertThat(third.getCustomerHistory().getComplaintsLast12Months()).isEqualTo(2);
                assertThat(third.getCustomerHistory().getNeverArrivedLast12Months()).isEqualTo(1);
                assertThat(probe.eventsFor(Topics.COMPLAINTS_ACKNOWLEDGED, first.getComplaintId())).hasSize(1);
            }
        }
    }
}
