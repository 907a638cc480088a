package com.makeitright.followup.schedule;

import com.makeitright.contract.EventSerializer;
import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.ResponseDecision;
import com.makeitright.followup.FollowupProperties;
import com.makeitright.testing.MutableClock;
import com.makeitright.testing.Events;
import org.apache.avro.specific.SpecificRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule's processor without a broker: checks fire when the injected clock reaches their due time,
 * never before, once, in due order, and in bounded batches when catching up.
 */
class ScheduleProcessorTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    TopologyTestDriver driver;
    TestOutputTopic<String, FollowUpDue> due;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        // offers are reminded after 10 minutes; a satisfaction check unanswered 2 days after it came due closes
        FollowupProperties properties = new FollowupProperties(Duration.ofSeconds(10), Duration.ZERO,
                Duration.ofSeconds(1), 2, Duration.ofMinutes(10), Duration.ofDays(2), new FollowupProperties.Prevention(Duration.ofDays(30), 5,
                Duration.ofDays(30), Set.of(), Duration.ofDays(7), Duration.ofDays(365)),
                new FollowupProperties.Retention(Duration.ofDays(30), Duration.ofDays(180), Duration.ofSeconds(1), 2));
        StreamsBuilder builder = new StreamsBuilder();
        ScheduleTopology.attach(builder, builder.stream(Topics.COMPLAINTS_RESOLVED.name(),
                Consumed.with(Serdes.String(), Topics.COMPLAINTS_RESOLVED.serde())), properties, clock, meters);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "schedule-processor-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir")
                + "/make-it-right-tests/schedule-processor-" + Events.newId());
        driver = new TopologyTestDriver(builder.build(), config, T0);
        due = driver.createOutputTopic(Topics.FOLLOW_UP_DUE.name(), new StringDeserializer(),
                Topics.FOLLOW_UP_DUE.serde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    <T extends SpecificRecord> void publish(Topic<T> topic, String key, T event) {
        driver.createInputTopic(topic.name(), new StringSerializer(), new EventSerializer<T>())
                .pipeInput(key, event, clock.instant());
    }

    /** Moves both the injected clock and the driver's wall clock, which triggers the punctuation. */
    void advance(Duration by) {
        clock.advance(by);
        driver.advanceWallClockTime(by);
    }

    ComplaintResolved resolvedAt(String complaintId, Instant at) {
        return Events.resolved(complaintId).setOccurredAt(at).build();
    }

    @Test
    void aCheckFiresWhenTheClockReachesItsDueTimeAndOnlyOnce() {
        publish(Topics.COMPLAINTS_RECEIVED, "c-1", Events.received("c-1").build());
        publish(Topics.COMPLAINTS_RESOLVED, "c-1", resolvedAt("c-1", T0));

        advance(Duration.ofSeconds(9));
        assertThat(due.isEmpty()).as("due at T0 + 10 s").isTrue();

        advance(Duration.ofSeconds(1));
        List<FollowUpDue> fired = due.readValuesToList();
        assertThat(fired).singleElement().satisfies(event -> {
            assertThat(event.getKind()).isEqualTo(FollowUpKind.SATISFACTION_CHECK);
            assertThat(event.getDueAt()).isEqualTo(T0.plusSeconds(10));
            assertThat(event.getOccurredAt()).isEqualTo(clock.instant());
            assertThat(event.getContact().getName()).isEqualTo("Dana Reyes");
        });

        advance(Duration.ofMinutes(5));
        publish(Topics.COMPLAINTS_RESOLVED, "c-1", resolvedAt("c-1", T0)); // a redelivery after it fired
        advance(Duration.ofMinutes(5));
        assertThat(due.isEmpty()).isTrue();
        assertThat(meters.get("makeitright.followups.fired").tag("kind", "SATISFACTION_CHECK").counter().count())
                .as("fired once, counted once").isEqualTo(1.0);
    }

    @Test
    void aLongOutageIsCaughtUpInDueOrderInBoundedBatches() {
        publish(Topics.COMPLAINTS_RESOLVED, "c-late", resolvedAt("c-late", T0.plusSeconds(20)));
        publish(Topics.COMPLAINTS_RESOLVED, "c-early", resolvedAt("c-early", T0));
        publish(Topics.COMPLAINTS_RESOLVED, "c-middle", resolvedAt("c-middle", T0.plusSeconds(10)));

        clock.advance(Duration.ofDays(1)); // down for a day: nothing punctuated meanwhile
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        List<String> firstBatch = due.readKeyValuesToList().stream().map(kv -> kv.key).toList();
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        List<String> secondBatch = due.readKeyValuesToList().stream().map(kv -> kv.key).toList();

        assertThat(firstBatch).containsExactly("c-early", "c-middle");
        assertThat(secondBatch).containsExactly("c-late");
    }

    @Test
    void aDeliveredPromiseDoesNotFireAndAnUndeliveredOneIsABreach() {
        var kept = Events.offered("c-kept").setStatus(OfferStatus.AGREED).setDeliverBy(T0.plusSeconds(30)).build();
        var broken = Events.offered("c-broken").setStatus(OfferStatus.AGREED).setDeliverBy(T0.plusSeconds(30)).build();
        publish(Topics.REMEDY_OFFERED, "c-kept", kept);
        publish(Topics.REMEDY_OFFERED, "c-broken", broken);
        publish(Topics.REMEDY_FULFILLED, "c-kept",
                Events.fulfilled("c-kept", kept.getOfferId(), RemedyKind.REPLACEMENT).build());

        advance(Duration.ofSeconds(31));

        assertThat(due.readValuesToList()).singleElement().satisfies(event -> {
            assertThat(event.getComplaintId()).isEqualTo("c-broken");
            assertThat(event.getKind()).isEqualTo(FollowUpKind.PROMISE_BREACHED);
            assertThat(event.getOfferId()).isEqualTo(broken.getOfferId());
            assertThat(event.getCausationId()).isEqualTo(broken.getEventId());
        });
    }

    // ------------------------------------------------------------------------------------------------ purging

    boolean kept(String complaintId) {
        var checks = driver.<String, FollowUp>getKeyValueStore(ScheduleStores.FOLLOW_UPS)
                .prefixScan(complaintId + "|", new StringSerializer());
        boolean anyCheck = checks.hasNext();
        checks.close();
        return anyCheck || driver.getKeyValueStore(ScheduleStores.COMPLAINTS).get(complaintId) != null;
    }

    void answered(String complaintId) {
        publish(Topics.FOLLOW_UP_OUTCOMES, complaintId, Events.followUpCompleted(complaintId, true)
                .setOccurredAt(clock.instant()).build());
    }

    @Test
    void aClosedCaseIsPurgedAfterTheGraceAndALateCopyAfterThePurgeSchedulesNothing() {
        ComplaintResolved resolved = resolvedAt("c-closed", T0);
        publish(Topics.COMPLAINTS_RECEIVED, "c-closed", Events.received("c-closed").setOccurredAt(T0).build());
        publish(Topics.COMPLAINTS_RESOLVED, "c-closed", resolved);
        advance(Duration.ofSeconds(10));
        assertThat(due.readValuesToList()).hasSize(1);
        answered("c-closed");

        advance(Duration.ofDays(29)); // grace is 30 days
        assertThat(kept("c-closed")).as("within the grace, a late copy still meets the answered check").isTrue();
        publish(Topics.COMPLAINTS_RESOLVED, "c-closed", resolved); // a late copy: changes nothing, restarts the grace
        advance(Duration.ofDays(29));
        assertThat(kept("c-closed")).isTrue();
        advance(Duration.ofDays(2));
        assertThat(kept("c-closed")).as("purged a grace after the last event").isFalse();

        publish(Topics.COMPLAINTS_RESOLVED, "c-closed", resolved); // a replay after the purge
        advance(Duration.ofDays(4));
        assertThat(due.isEmpty()).as("older than the grace for an unknown case: ignored").isTrue();
        assertThat(kept("c-closed")).isFalse();
    }

    @Test
    void aCaseThatNeverClosesIsPurgedAfterTheMaximumIdleTimeAndAnOpenOneIsKept() {
        publish(Topics.COMPLAINTS_RECEIVED, "c-open", Events.received("c-open").setOccurredAt(T0).build());

        advance(Duration.ofDays(100));
        assertThat(kept("c-open")).as("not closed: kept past the grace").isTrue();
        advance(Duration.ofDays(81));
        assertThat(kept("c-open")).as("idle for longer than max-idle (180 days)").isFalse();
    }

    @Test
    void anUnansweredSatisfactionCheckIsClosedAsNoAnswerOnceAndTheCaseIsThenPurgedAfterTheGrace() {
        publish(Topics.COMPLAINTS_RESOLVED, "c-silent", resolvedAt("c-silent", T0));
        publish(Topics.COMPLAINTS_RESOLVED, "c-talks", resolvedAt("c-talks", T0));
        advance(Duration.ofSeconds(10));
        assertThat(due.readValuesToList()).extracting(FollowUpDue::getKind)
                .containsExactly(FollowUpKind.SATISFACTION_CHECK, FollowUpKind.SATISFACTION_CHECK);
        answered("c-talks");

        advance(Duration.ofDays(2));
        assertThat(due.readValuesToList()).singleElement().satisfies(event -> {
            assertThat(event.getComplaintId()).isEqualTo("c-silent");
            assertThat(event.getKind()).isEqualTo(FollowUpKind.SATISFACTION_NO_ANSWER);
            assertThat(event.getDueAt()).isEqualTo(T0.plusSeconds(10).plus(Duration.ofDays(2)));
        });
        FollowUp check = driver.<String, FollowUp>getKeyValueStore(ScheduleStores.FOLLOW_UPS)
                .get(FollowUpKey.satisfaction("c-silent", 1).asString());
        assertThat(check.state()).isEqualTo(FollowUpState.UNANSWERED);
        assertThat(check.closedBecause()).startsWith("no answer by");

        publish(Topics.COMPLAINTS_RESOLVED, "c-silent", resolvedAt("c-silent", T0)); // a copy: fires nothing again
        advance(Duration.ofDays(3));
        assertThat(due.isEmpty()).isTrue();
        advance(Duration.ofDays(28));
        assertThat(kept("c-silent")).as("closed as no answer: purged a grace after, not max-idle").isFalse();
    }

    RemedyOffered openOffer(String complaintId, Duration validFor) {
        return Events.offered(complaintId).setOccurredAt(T0).setExpiresAt(T0.plus(validFor)).build();
    }

    @Test
    void anUnansweredOfferIsRemindedOnceAndAnAnswerARenewalOrAnEarlierExpiryCallItOff() {
        RemedyOffered silent = openOffer("c-silent", Duration.ofHours(1));
        RemedyOffered answered = openOffer("c-answered", Duration.ofHours(1));
        RemedyOffered shortLived = openOffer("c-short", Duration.ofMinutes(5));
        publish(Topics.REMEDY_OFFERED, "c-silent", silent);
        publish(Topics.REMEDY_OFFERED, "c-answered", answered);
        publish(Topics.REMEDY_OFFERED, "c-short", shortLived);
        advance(Duration.ofMinutes(5));
        publish(Topics.REMEDY_RESPONSES, "c-answered",
                Events.responded("c-answered", answered.getOfferId(), ResponseDecision.DECLINE)
                        .setOccurredAt(clock.instant()).build());

        advance(Duration.ofMinutes(5));
        assertThat(due.readValuesToList()).singleElement().satisfies(event -> {
            assertThat(event.getComplaintId()).isEqualTo("c-silent");
            assertThat(event.getKind()).isEqualTo(FollowUpKind.OFFER_REMINDER);
            assertThat(event.getOfferId()).isEqualTo(silent.getOfferId());
            assertThat(event.getCausationId()).isEqualTo(silent.getEventId());
        });

        publish(Topics.REMEDY_OFFERED, "c-silent", silent); // a copy after it fired
        // remedy renews the expired offer once (caused by it): the customer was reminded already
        publish(Topics.REMEDY_OFFERED, "c-silent", Events.offered("c-silent").setOccurredAt(T0.plus(Duration.ofHours(1)))
                .setCausationId(silent.getEventId()).setExpiresAt(T0.plus(Duration.ofHours(2))).build());
        advance(Duration.ofHours(2));
        assertThat(due.isEmpty()).as("one reminder per offer, none for its renewal").isTrue();
    }

    @Test
    void aPurgeRunDeletesABoundedBatch() {
        for (int i = 0; i < 3; i++) {
            publish(Topics.COMPLAINTS_RECEIVED, "c-batch-" + i, Events.received("c-batch-" + i).setOccurredAt(T0).build());
        }
        clock.advance(Duration.ofDays(200)); // nothing punctuated meanwhile
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        int left = 0;
        for (int i = 0; i < 3; i++) {
            left += kept("c-batch-" + i) ? 1 : 0;
        }
        assertThat(left).as("purge batch of 2 per run").isEqualTo(1);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(kept("c-batch-2") || kept("c-batch-1") || kept("c-batch-0")).isFalse();
    }
}
