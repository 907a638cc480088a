package com.makeitright.followup.prevention;

import com.makeitright.contract.EventSerializer;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.PreventionActionProposed;
import com.makeitright.events.RootCause;
import com.makeitright.followup.FollowupProperties;
import com.makeitright.testing.MutableClock;
import com.makeitright.testing.Events;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The prevention topology without a broker: redelivered resolutions count once; old ones are forgotten. */
class PreventionProcessorTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    TopologyTestDriver driver;
    TestInputTopic<String, ComplaintResolved> resolved;
    TestOutputTopic<String, PreventionActionProposed> proposed;

    @BeforeEach
    void start() {
        FollowupProperties.Prevention prevention = new FollowupProperties.Prevention(Duration.ofDays(7), 3,
                Duration.ofDays(30), Set.of(RootCause.PACKING_ERROR), Duration.ofDays(7), Duration.ofDays(30));
        FollowupProperties properties = new FollowupProperties(Duration.ofDays(3), Duration.ZERO,
                Duration.ofSeconds(1), 500, Duration.ofDays(3), Duration.ofDays(14), prevention,
                FollowupProperties.Retention.defaults());
        StreamsBuilder builder = new StreamsBuilder();
        PreventionTopology.attach(builder, builder.stream(Topics.COMPLAINTS_RESOLVED.name(),
                Consumed.with(Serdes.String(), Topics.COMPLAINTS_RESOLVED.serde())), properties, new MutableClock(T0));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "prevention-processor-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir")
                + "/make-it-right-tests/prevention-processor-" + Events.newId());
        driver = new TopologyTestDriver(builder.build(), config, T0);
        resolved = driver.createInputTopic(Topics.COMPLAINTS_RESOLVED.name(), new StringSerializer(),
                new EventSerializer<>());
        proposed = driver.createOutputTopic(Topics.PREVENTION_ACTIONS.name(), new StringDeserializer(),
                Topics.PREVENTION_ACTIONS.serde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    ComplaintResolved packingError(String complaintId, Instant at) {
        return Events.resolved(complaintId).setOccurredAt(at).setRootCause(RootCause.PACKING_ERROR).build();
    }

    @Test
    void aRedeliveredResolutionIsCountedOnce() {
        ComplaintResolved first = packingError("c-1", T0);
        ComplaintResolved second = packingError("c-2", T0.plusSeconds(60));
        resolved.pipeInput("c-1", first);
        resolved.pipeInput("c-2", second);
        resolved.pipeInput("c-2", second);
        resolved.pipeInput("c-1", first);
        assertThat(proposed.isEmpty()).as("two complaints, each seen twice, are not three").isTrue();

        resolved.pipeInput("c-3", packingError("c-3", T0.plusSeconds(120)));

        List<KeyValue<String, PreventionActionProposed>> actions = proposed.readKeyValuesToList();
        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.key).as("keyed by the complaint that crossed the threshold").isEqualTo("c-3");
            assertThat(action.value.getOccurrences()).isEqualTo(3);
            assertThat(action.value.getOwner()).isEqualTo("warehouse");
            assertThat(action.value.getOccurredAt()).isEqualTo(T0);
        });
    }

    @Test
    void resolutionsOutsideTheWindowDoNotCountAndOlderThanWindowPlusCooldownAreForgotten() {
        resolved.pipeInput("c-1", packingError("c-1", T0));
        resolved.pipeInput("c-2", packingError("c-2", T0.plus(Duration.ofDays(1))));
        resolved.pipeInput("c-3", packingError("c-3", T0.plus(Duration.ofDays(8)))); // c-1 has left the 7-day window
        assertThat(proposed.isEmpty()).isTrue();

        resolved.pipeInput("c-4", packingError("c-4", T0.plus(Duration.ofDays(40))));

        KeyValueStore<String, Occurrence> occurrences = driver.getKeyValueStore(PreventionStores.OCCURRENCES);
        List<String> remembered = new ArrayList<>();
        occurrences.all().forEachRemaining(entry -> remembered.add(entry.value.complaintId()));
        assertThat(remembered).as("window + cool-down (37 days) of single resolutions").containsExactly("c-3", "c-4");
    }

    @Test
    void aLongRunOfOneCauseProposesWhatTheRuleSaysAndForgetsWhatAged() {
        // 600 over 50 days, 84 per 7-day window (PreventionBoundedReadsTest feeds 5,000 without RocksDB's cost)
        Duration apart = Duration.ofHours(2);
        for (int i = 0; i < 600; i++) {
            resolved.pipeInput("c-" + i, packingError("c-" + i, T0.plus(apart.multipliedBy(i))));
        }

        // the 3rd crosses the threshold; the next after the 30-day cool-down (i = 2 + 30 * 12) has a full window
        List<KeyValue<String, PreventionActionProposed>> actions = proposed.readKeyValuesToList();
        assertThat(actions).extracting(action -> action.key).containsExactly("c-2", "c-362");
        assertThat(actions.get(0).value.getOccurrences()).isEqualTo(3);
        assertThat(actions.get(0).value.getExampleComplaintIds()).containsExactly("c-2", "c-1", "c-0");
        assertThat(actions.get(1).value.getOccurrences()).isEqualTo(84);
        assertThat(actions.get(1).value.getProposal()).startsWith("84 complaints in 7 days were traced to");
        assertThat(actions.get(1).value.getExampleComplaintIds())
                .containsExactly("c-362", "c-361", "c-360", "c-359", "c-358");

        KeyValueStore<String, Occurrence> occurrences = driver.getKeyValueStore(PreventionStores.OCCURRENCES);
        List<String> remembered = new ArrayList<>();
        occurrences.all().forEachRemaining(entry -> remembered.add(entry.value.complaintId()));
        assertThat(remembered).as("window + cool-down (37 days = 444 resolutions) up to the last")
                .hasSize(444).startsWith("c-156").endsWith("c-599");
    }
}
