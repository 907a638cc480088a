package com.makeitright.followup.schedule;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.followup.FollowupProperties;
import com.makeitright.platform.JsonSerde;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;

/**
 * The schedule's part of followup's topology: every complaint event that schedules, cancels or answers a
 * check flows into one processor per partition (all contract topics are co-partitioned by complaint id),
 * which owns the schedule's stores and publishes {@code complaints.follow-up-due}.
 */
public final class ScheduleTopology {

    private ScheduleTopology() {
    }

    public static void attach(StreamsBuilder builder, KStream<String, ComplaintResolved> resolved,
                              FollowupProperties properties, Clock clock, MeterRegistry meters) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ScheduleStores.COMPLAINTS),
                Serdes.String(), JsonSerde.of(ComplaintFile.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ScheduleStores.FOLLOW_UPS),
                Serdes.String(), JsonSerde.of(FollowUp.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ScheduleStores.DUE_INDEX),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ScheduleStores.PURGE_INDEX),
                Serdes.String(), Serdes.String()));

        KStream<String, SpecificRecord> events = resolved.mapValues(ScheduleTopology::upcast)
                .merge(source(builder, Topics.COMPLAINTS_RECEIVED))
                .merge(source(builder, Topics.COMPLAINTS_ACKNOWLEDGED))
                .merge(source(builder, Topics.REMEDY_OFFERED))
                .merge(source(builder, Topics.REMEDY_RESPONSES))
                .merge(source(builder, Topics.APPROVALS))
                .merge(source(builder, Topics.REMEDY_FULFILLED))
                .merge(source(builder, Topics.FOLLOW_UP_OUTCOMES))
                .merge(source(builder, Topics.CUSTOMER_NOTIFIED)); // a sent acknowledgement closes its check

        FollowUpPlanner planner = new FollowUpPlanner(properties.delay(), properties.promiseGrace(),
                properties.offerReminder(), properties.satisfactionWindow());
        FollowupProperties.Retention kept = properties.retention();
        ScheduleProcessor.Retention retention = new ScheduleProcessor.Retention(kept.grace(), kept.maxIdle(),
                kept.purgeInterval(), kept.purgeBatch());
        events.process(() -> new ScheduleProcessor(planner, clock, properties.scanInterval(), properties.maxDuePerScan(),
                                retention),
                        Named.as("follow-up-schedule"), ScheduleStores.COMPLAINTS, ScheduleStores.FOLLOW_UPS,
                        ScheduleStores.DUE_INDEX, ScheduleStores.PURGE_INDEX)
                // counted as they leave, so the planner stays free of metrics (docs/operations.md)
                .peek((complaintId, due) -> meters.counter("makeitright.followups.fired",
                        "kind", due.getKind().name()).increment())
                .to(Topics.FOLLOW_UP_DUE.name(), Produced.with(Serdes.String(), Topics.FOLLOW_UP_DUE.serde()));
    }

    private static <T extends SpecificRecord> KStream<String, SpecificRecord> source(StreamsBuilder builder, Topic<T> topic) {
        return builder.stream(topic.name(), Consumed.with(Serdes.String(), topic.serde()))
                .mapValues(ScheduleTopology::upcast);
    }

    private static SpecificRecord upcast(SpecificRecord event) {
        return event;
    }
}
