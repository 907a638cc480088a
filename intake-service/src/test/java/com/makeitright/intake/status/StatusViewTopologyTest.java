package com.makeitright.intake.status;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.FollowUpKind;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.testing.Events;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status view's store in the topology test driver: one entry per event, each event once, a bounded number
 * per complaint (the first ComplaintReceived kept), and a closed complaint purged after the grace period.
 */
class StatusViewTopologyTest {

    @org.junit.jupiter.api.Test
    void theViewReadsTheComplaintsTopicsAndNoCustomerKeyedOne() {
        assertThat(StatusViewTopology.SOURCES).contains(com.makeitright.contract.Topics.COMPLAINTS_RECEIVED,
                        com.makeitright.contract.Topics.CONTACTS_ADDED)
                .doesNotContain(com.makeitright.contract.Topics.CUSTOMERS_ERASED,
                        com.makeitright.contract.Topics.CONTACT_PREFERENCES, com.makeitright.contract.Topics.PREVENTION_ACTIONS)
                .allSatisfy(topic -> assertThat(topic.schema().getField("complaintId")).as(topic.name()).isNotNull());
    }


    private static final Instant START = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration GRACE = Duration.ofDays(30);
    private static final String ACTIVITY = "case-activity";
    private static final int MAX_EVENTS = 16;

    private final UnappliedWrites unapplied = new UnappliedWrites(100, 1_000_000, Duration.ofMinutes(5), System::nanoTime);
    private final TopologyTestDriver driver = driver();
    private final Map<Topic<?>, TestInputTopic<String, byte[]>> inputs = new HashMap<>();

    private TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        IntakeProperties.View bounds = new IntakeProperties.View(GRACE, Duration.ofDays(365), MAX_EVENTS,
                Duration.ofMinutes(1));
        IntakeProperties properties = new IntakeProperties(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(10), null,
                Duration.ofSeconds(5), new IntakeProperties.Unapplied(100, DataSize.ofMegabytes(1), Duration.ofMinutes(5)), 100, bounds,
                new IntakeProperties.PersonalData(Duration.ofDays(365), Duration.ofHours(1)));
        StatusViewTopology view = new StatusViewTopology();
        view.caseActivity(builder, view.complaintEvents(builder), unapplied, properties)
                .to(ACTIVITY, Produced.with(Serdes.String(), CaseActivity.SERDE));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "intake-view-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(builder.build(), config, START);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private <T extends SpecificRecord> void publish(Topic<T> topic, String id, T event, Instant at) {
        inputs.computeIfAbsent(topic, t -> driver.createInputTopic(t.name(), Serdes.String().serializer(),
                        Serdes.ByteArray().serializer()))
                .pipeInput(id, StoredEventsSerde.avro(topic, event), at);
    }

    private KeyValueStore<Bytes, byte[]> store() {
        return driver.getKeyValueStore(StatusViewTopology.STORE);
    }

    private List<RecordedEvent> events(String id) {
        List<RecordedEvent> events = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = store().prefixScan(ViewKeys.events(id),
                Serdes.Bytes().serializer())) {
            entries.forEachRemaining(entry -> events.add(StoredEventsSerde.readEntry(entry.value)));
        }
        return events;
    }

    private int keys(String id) {
        int count = 0;
        try (KeyValueIterator<Bytes, byte[]> entries = store().prefixScan(ViewKeys.complaint(id),
                Serdes.Bytes().serializer())) {
            while (entries.hasNext()) {
                entries.next();
                count++;
            }
        }
        return count;
    }

    @Test
    void storesOneEntryPerEventInOrderAndEachEventIdOnce() {
        String id = Events.newId();
        ComplaintReceived received = Events.received(id).build();
        var ack = Events.acknowledged(id).build();
        publish(Topics.COMPLAINTS_RECEIVED, id, received, START);
        publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, ack, START.plusSeconds(1));
        publish(Topics.COMPLAINTS_RECEIVED, id, received, START.plusSeconds(2)); // a duplicate

        assertThat(events(id)).extracting(RecordedEvent::eventId).containsExactly(received.getEventId(), ack.getEventId());
        // two events, their two id entries and the head: nothing grows with a complaint's events but one entry each
        assertThat(keys(id)).isEqualTo(5);
        assertThat(ComplaintState.fold(id, events(id))).get().extracting(ComplaintState::stage)
                .isEqualTo(Stage.ACKNOWLEDGED);
    }

    @Test
    void aStoredEventLeavesTheOverlayOfUnappliedWrites() {
        String id = Events.newId();
        ComplaintReceived received = Events.received(id).build();
        unapplied.reserve(List.of(new RecordedEvent(Topics.COMPLAINTS_RECEIVED, received))).published();
        assertThat(unapplied.events(id)).hasSize(1);

        publish(Topics.COMPLAINTS_RECEIVED, id, received, START);

        assertThat(unapplied.events(id)).isEmpty();
    }

    @Test
    void keepsAtMostTheBoundOfEventsPerComplaintAndAlwaysTheFirstComplaintReceived() {
        String id = Events.newId();
        ComplaintReceived first = Events.received(id).build();
        publish(Topics.COMPLAINTS_RECEIVED, id, first, START);
        for (int round = 2; round <= 30; round++) {
            ComplaintReceived reopened = Events.received(id).setRound(round).build();
            publish(Topics.COMPLAINTS_RECEIVED, id, reopened, START.plusSeconds(round));
        }

        List<RecordedEvent> kept = events(id);
        assertThat(kept).hasSize(MAX_EVENTS);
        assertThat(kept.get(0).eventId()).isEqualTo(first.getEventId());
        assertThat(kept.get(kept.size() - 1).round()).isEqualTo(30);
        assertThat(keys(id)).isEqualTo(2 * MAX_EVENTS + 1);
        assertThat(ComplaintState.fold(id, kept)).get().satisfies(state -> {
            assertThat(state.round()).isEqualTo(30);
            assertThat(state.firstReceived().getEventId()).isEqualTo(first.getEventId());
        });
    }

    @Test
    void aClosedComplaintIsPurgedAfterTheGracePeriodAndAnOpenOneIsNot() {
        String closed = Events.newId();
        String open = Events.newId();
        publish(Topics.COMPLAINTS_RECEIVED, closed, Events.received(closed).build(), START);
        publish(Topics.COMPLAINTS_RECEIVED, open, Events.received(open).build(), START);
        publish(Topics.COMPLAINTS_RESOLVED, closed, Events.resolved(closed).build(), START.plusSeconds(1));
        publish(Topics.FOLLOW_UP_DUE, closed, Events.followUpDue(closed, FollowUpKind.SATISFACTION_CHECK).build(),
                START.plusSeconds(2));
        publish(Topics.FOLLOW_UP_OUTCOMES, closed, Events.followUpCompleted(closed, true).build(), START.plusSeconds(3));
        assertThat(events(closed)).hasSize(4);

        driver.advanceWallClockTime(GRACE.minusMinutes(5));
        assertThat(events(closed)).hasSize(4);

        driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(keys(closed)).isZero();
        assertThat(events(open)).hasSize(1);
        // the schedule keeps the open complaint's idle check and the closed one's first (now stale) entry, which goes
        // when it comes due: a year after the last event, the open complaint goes too
        assertThat(scheduled()).containsExactlyInAnyOrder(open, closed);
        driver.advanceWallClockTime(Duration.ofDays(366));
        assertThat(keys(open)).isZero();
        assertThat(scheduled()).isEmpty();

        // what the retention of personal data is told, by customer: both opened, one closed, the other left idle (a
        // closed one ended when it closed, not when it was purged)
        String customer = Events.received(closed).build().getCustomer().getId();
        String other = Events.received(open).build().getCustomer().getId();
        assertThat(driver.createOutputTopic(ACTIVITY, Serdes.String().deserializer(), CaseActivity.SERDE.deserializer())
                .readKeyValuesToList()).extracting(kv -> kv.key + " " + kv.value.kind() + " " + kv.value.complaintId())
                .containsExactly(customer + " OPENED " + closed, other + " OPENED " + open,
                        customer + " CLOSED " + closed, other + " GONE " + open);
    }

    private List<String> scheduled() {
        KeyValueStore<Bytes, byte[]> purges = driver.getKeyValueStore(StatusViewTopology.PURGES);
        List<String> complaints = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> scheduled = purges.all()) {
            scheduled.forEachRemaining(entry -> complaints.add(ViewKeys.purgedComplaint(entry.key)));
        }
        return complaints;
    }
}
