package com.makeitright.followup;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.RootCause;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.MutableClock;
import com.makeitright.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Purging on a real broker: a closed case disappears from followup's stores a grace after its last event, and a
 * late copy of its resolution after the purge schedules nothing. The domain clock is a {@link MutableClock}; the
 * schedule and purge punctuators run on wall-clock time and judge due times by it.
 */
@WithKafkaBroker
@AutoConfigureWebTestClient(timeout = "PT1M") // not 5 s: a loaded machine answers slowly, and an await retries assertions, not timeouts
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "followup.delay=PT1S",
        "followup.scan-interval=PT0.2S",
        "followup.retention.grace=PT1M",
        "followup.retention.max-idle=PT2M",
        "followup.retention.purge-interval=PT0.2S",
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/followup-purge-${random.uuid}"
})
class FollowupPurgeIT {

    static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    KafkaProbe probe;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
    }

    @Test
    void aClosedCaseIsPurgedAfterTheGraceAndALateCopyOfItsResolutionSchedulesNothing() {
        String id = "purge-" + Events.newId();
        probe.publish(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).setOccurredAt(CLOCK.instant()).build());
        ComplaintResolved resolved = Events.resolved(id).setOccurredAt(CLOCK.instant())
                .setRootCause(RootCause.EXTERNAL).build();
        probe.publish(Topics.COMPLAINTS_RESOLVED, id, resolved);
        await().atMost(KafkaProbe.PATIENCE).until(() -> scheduled(id));

        CLOCK.advance(Duration.ofSeconds(2));
        probe.awaitEvents(Topics.FOLLOW_UP_DUE, id, 1);
        probe.publish(Topics.FOLLOW_UP_OUTCOMES, id,
                Events.followUpCompleted(id, true).setOccurredAt(CLOCK.instant()).build());
        await().atMost(KafkaProbe.PATIENCE).until(() -> answered(id));

        CLOCK.advance(Duration.ofHours(2)); // past the grace (rounded up to the hour)
        await().atMost(KafkaProbe.PATIENCE).until(() -> !answered(id));

        double staleBefore = staleEvents();
        probe.publish(Topics.COMPLAINTS_RESOLVED, id, resolved); // a replay, long after the case closed
        await().atMost(KafkaProbe.PATIENCE).until(() -> staleEvents() > staleBefore);
        CLOCK.advance(Duration.ofSeconds(5));
        assertThat(scheduled(id)).isFalse();
        assertThat(probe.eventsUpToNow(Topics.FOLLOW_UP_DUE, id))
                .filteredOn(e -> e.getKind() == FollowUpKind.SATISFACTION_CHECK).hasSize(1);
    }

    JsonNode insights() {
        return await().atMost(KafkaProbe.PATIENCE).until(() -> http.get().uri("/api/insights")
                        .accept(MediaType.APPLICATION_JSON).exchange().expectBody(JsonNode.class).returnResult(),
                result -> result.getStatus().is2xxSuccessful()).getResponseBody();
    }

    boolean scheduled(String id) {
        return insights().get("followUps").get("nextDue").toString().contains(id);
    }

    boolean answered(String id) {
        return insights().get("followUps").get("recentlyAnswered").toString().contains(id);
    }

    double staleEvents() {
        JsonNode metric = http.get().uri("/actuator/metrics/makeitright.followup.stale-events").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return metric == null || metric.get("measurements") == null ? 0
                : metric.get("measurements").get(0).get("value").asDouble();
    }
}
