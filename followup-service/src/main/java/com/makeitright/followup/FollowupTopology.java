package com.makeitright.followup;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.followup.prevention.PreventionTopology;
import com.makeitright.followup.schedule.ScheduleTopology;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * followup's one Kafka Streams topology (exactly-once, set by the platform): the durable schedule and the
 * prevention detector. Both read {@code complaints.resolved}, which a topology may subscribe to only once.
 */
@Configuration(proxyBeanMethods = false)
class FollowupTopology {

    @Bean
    KStream<String, ComplaintResolved> followupStreams(StreamsBuilder builder, FollowupProperties properties,
                                                       Clock clock, MeterRegistry meters) {
        KStream<String, ComplaintResolved> resolved = builder.stream(Topics.COMPLAINTS_RESOLVED.name(),
                Consumed.with(Serdes.String(), Topics.COMPLAINTS_RESOLVED.serde()));
        ScheduleTopology.attach(builder, resolved, properties, clock, meters);
        PreventionTopology.attach(builder, resolved, properties, clock);
        return resolved;
    }
}
