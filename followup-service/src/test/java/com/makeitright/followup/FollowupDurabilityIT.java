package com.makeitright.followup;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.RootCause;
import com.makeitright.followup.schedule.FollowUp;
import com.makeitright.followup.schedule.FollowUpQueries;
import com.makeitright.followup.schedule.FollowUpState;
import com.makeitright.platform.instances.InstancesUnavailable;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The schedule survives restarts: a check scheduled by one run of followup-service, which is stopped before the
 * check is due, fires exactly once in the next run, whether that run finds its old state directory or an empty
 * one (then the state comes back from the changelog topics), and never again in the run after.
 *
 * <p>The test's own context only hosts the broker and creates the topics (its stream application does not
 * start); each run is a separate application context with the same application id. The first run's clock is
 * frozen at the moment the event happened, so the check cannot come due before that run is stopped.
 */
@WithKafkaBroker
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.kafka.streams.auto-startup=false",
        "spring.kafka.streams.application-id=followup-durability-host",
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/followup-host-${random.uuid}"
})
class FollowupDurabilityIT {

    static final Path TESTS_DIR = Path.of(System.getProperty("java.io.tmpdir"), "make-it-right-tests");

    KafkaProbe probe;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
    }

    ConfigurableApplicationContext run(String applicationId, Path stateDir, Clock clock) {
        return new SpringApplicationBuilder(FollowupApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run("--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--spring.kafka.streams.application-id=" + applicationId,
                        "--spring.kafka.streams.state-dir=" + stateDir,
                        "--followup.delay=PT2S",
                        "--followup.scan-interval=PT0.2S");
    }

    static List<FollowUpDue> due(List<FollowUpDue> all, String complaintId) {
        return all.stream().filter(e -> e.getComplaintId().equals(complaintId)).toList();
    }

    /** Resolves a complaint; its satisfaction check is due two seconds after {@code at}. */
    void resolve(String complaintId, Instant at) {
        probe.publish(Topics.COMPLAINTS_RECEIVED, complaintId, Events.received(complaintId).build());
        ComplaintResolved resolved = Events.resolved(complaintId).setOccurredAt(at).setRootCause(RootCause.EXTERNAL).build();
        probe.publish(Topics.COMPLAINTS_RESOLVED, complaintId, resolved);
    }

    /** A fresh complaint's check fired: the run has scanned its schedule and committed since its start. */
    void awaitMarkerFired() {
        String marker = "marker-" + Events.newId();
        resolve(marker, Instant.now());
        probe.awaitEvents(Topics.FOLLOW_UP_DUE, marker, 1);
    }

    @Test
    void aCheckDueWhileTheServiceWasDownFiresOnceAfterARestartOnTheSameStateDir() {
        Path stateDir = TESTS_DIR.resolve("followup-durable-" + Events.newId());
        restartAndProveExactlyOnce(stateDir, stateDir);
    }

    @Test
    void aCheckDueWhileTheServiceWasDownFiresOnceAfterARestartOnAnEmptyStateDir() {
        restartAndProveExactlyOnce(TESTS_DIR.resolve("followup-durable-" + Events.newId()),
                TESTS_DIR.resolve("followup-durable-empty-" + Events.newId()));
    }

    void restartAndProveExactlyOnce(Path firstStateDir, Path laterStateDir) {
        String applicationId = "followup-durable-" + Events.newId();
        Instant happened = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // the wire keeps millis
        String complaintId = "durable-" + Events.newId();

        try (ConfigurableApplicationContext first = run(applicationId, firstStateDir,
                Clock.fixed(happened, ZoneOffset.UTC))) {
            resolve(complaintId, happened);
            FollowUpQueries schedule = first.getBean(FollowUpQueries.class);
            FollowUp check = await().atMost(KafkaProbe.PATIENCE)
                    .ignoreException(InstancesUnavailable.class) // 503 until the stream application runs
                    .until(() -> schedule.followUps().values().stream()
                    .filter(f -> f.complaintId().equals(complaintId) && f.kind() == FollowUpKind.SATISFACTION_CHECK)
                    .findFirst().orElse(null), f -> f != null);
            assertThat(check.state()).isEqualTo(FollowUpState.SCHEDULED);
            assertThat(check.dueAt()).isEqualTo(happened.plusSeconds(2));
        }
        assertThat(due(probe.events(Topics.FOLLOW_UP_DUE), complaintId)).as("not due before the first run stopped")
                .isEmpty();

        try (ConfigurableApplicationContext second = run(applicationId, laterStateDir, Clock.systemUTC())) {
            List<FollowUpDue> fired = probe.awaitEvents(Topics.FOLLOW_UP_DUE, complaintId, 1);
            assertThat(fired).singleElement().satisfies(event -> {
                assertThat(event.getKind()).isEqualTo(FollowUpKind.SATISFACTION_CHECK);
                assertThat(event.getDueAt()).isEqualTo(happened.plusSeconds(2));
                assertThat(event.getContact().getName()).isEqualTo("Dana Reyes");
            });
            awaitMarkerFired();
            assertThat(due(probe.events(Topics.FOLLOW_UP_DUE), complaintId)).hasSize(1);
        }

        try (ConfigurableApplicationContext third = run(applicationId, laterStateDir, Clock.systemUTC())) {
            awaitMarkerFired();
            assertThat(due(probe.events(Topics.FOLLOW_UP_DUE), complaintId)).as("fired once across three runs")
                    .hasSize(1);
            // the store answers 503 while a rebalance moves it (a loaded machine): ask until it is there
            var checks = await().atMost(KafkaProbe.PATIENCE).ignoreException(InstancesUnavailable.class)
                    .until(() -> third.getBean(FollowUpQueries.class).followUps().values(), all -> true);
            assertThat(checks)
                    .filteredOn(f -> f.complaintId().equals(complaintId) && f.kind() == FollowUpKind.SATISFACTION_CHECK)
                    .singleElement().extracting(FollowUp::state).isEqualTo(FollowUpState.FIRED);
        }
    }
}
