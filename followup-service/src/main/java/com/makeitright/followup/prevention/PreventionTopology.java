package com.makeitright.followup.prevention;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.followup.FollowupProperties;
import com.makeitright.platform.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;

/**
 * The prevention part of followup's topology: resolved complaints with a root cause that is ours to fix are
 * re-keyed by root cause (an internal repartition topic), counted per cause and turned into
 * {@code complaints.prevention-actions}.
 */
public final class PreventionTopology {

    private PreventionTopology() {
    }

    public static void attach(StreamsBuilder builder, KStream<String, ComplaintResolved> resolved,
                              FollowupProperties properties, Clock clock) {
        FollowupProperties.Prevention config = properties.prevention();
        PreventionDetector detector = detector(config);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PreventionStores.OCCURRENCES),
                Serdes.String(), JsonSerde.of(Occurrence.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PreventionStores.ACTIONS),
                Serdes.String(), JsonSerde.of(PreventionHistory.class)));

        resolved.filter((complaintId, event) -> detector.counts(event.getRootCause()), Named.as("actionable-root-causes"))
                .selectKey((complaintId, event) -> event.getRootCause().name(), Named.as("key-by-root-cause"))
                .repartition(Repartitioned.with(Serdes.String(), Topics.COMPLAINTS_RESOLVED.serde())
                        .withName("resolved-by-root-cause"))
                .process(() -> new PreventionProcessor(detector, config.history(),
                                config.window().plus(config.cooldown()), clock),
                        Named.as("prevention-detector"), PreventionStores.OCCURRENCES, PreventionStores.ACTIONS)
                .to(Topics.PREVENTION_ACTIONS.name(),
                        Produced.with(Serdes.String(), Topics.PREVENTION_ACTIONS.serde()));
    }

    static PreventionDetector detector(FollowupProperties.Prevention config) {
        return new PreventionDetector(config.window(), config.threshold(), config.cooldown(), config.rootCauses());
    }
}
