package com.makeitright.remedy.negotiation;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.RemedyOffered;
import com.makeitright.platform.JsonSerde;
import com.makeitright.remedy.policy.PolicyProperties;
import com.makeitright.remedy.policy.RemedyPolicy;
import com.makeitright.platform.StageTimer;
import com.makeitright.platform.TracedRecords;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The negotiation topology: the four co-partitioned input topics, merged in arrival order per complaint, feed
 * one processor that owns the per-complaint negotiation store; its offers and resolutions go to their topics.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PolicyProperties.class, NegotiationRetention.class})
class NegotiationTopology {

    @Bean
    RemedyPolicy remedyPolicy(PolicyProperties properties) {
        return new RemedyPolicy(properties);
    }

    @Bean
    KStream<String, SpecificRecord> negotiationStream(StreamsBuilder builder, RemedyPolicy policy,
                                                      PolicyProperties properties, NegotiationRetention retention,
                                                      Clock clock, MeterRegistry meters, Tracer tracer,
                                                      Propagator propagator) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(NegotiationProcessor.NEGOTIATIONS), Serdes.String(),
                JsonSerde.of(Negotiation.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(NegotiationProcessor.EXPIRIES), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(NegotiationPurge.PURGES), Serdes.String(), Serdes.String()));

        KStream<String, SpecificRecord> inputs = source(builder, Topics.COMPLAINTS_ACKNOWLEDGED)
                .merge(source(builder, Topics.REMEDY_RESPONSES))
                .merge(source(builder, Topics.APPROVALS))
                .merge(source(builder, Topics.REMEDY_FULFILLED));

        Negotiator negotiator = new Negotiator(policy, clock);
        KStream<String, SpecificRecord> outputs = inputs
                .processValues(TracedRecords.step(tracer, propagator, "remedy"), Named.as("trace-remedy"))
                .process(
                () -> new NegotiationProcessor(negotiator, clock, properties.negotiation().expiryCheckInterval(),
                        retention),
                Named.as("remedy-negotiation"), NegotiationProcessor.NEGOTIATIONS, NegotiationProcessor.EXPIRIES,
                NegotiationPurge.PURGES);

        outputs.filter((id, event) -> event instanceof RemedyOffered)
                .mapValues(event -> (RemedyOffered) event)
                // counted as they leave, so the negotiator stays free of metrics (docs/operations.md)
                .peek((id, offer) -> meters.counter("makeitright.remedies.offered", "kind", offer.getKind().name(),
                        "status", offer.getStatus().name()).increment())
                .processValues(StageTimer.of(meters, "offered", clock), Named.as("time-offered"))
                .to(Topics.REMEDY_OFFERED.name(), Produced.with(Serdes.String(), Topics.REMEDY_OFFERED.serde()));
        outputs.filter((id, event) -> event instanceof ComplaintResolved)
                .mapValues(event -> (ComplaintResolved) event)
                .peek((id, resolved) -> resolved(meters, resolved))
                .processValues(StageTimer.of(meters, "resolved", clock), Named.as("time-resolved"))
                .to(Topics.COMPLAINTS_RESOLVED.name(), Produced.with(Serdes.String(), Topics.COMPLAINTS_RESOLVED.serde()));
        return outputs;
    }

    /** The round's outcome, and what it cost by remedy kind (NONE when nothing was delivered) in its currency. */
    private static void resolved(MeterRegistry meters, ComplaintResolved resolved) {
        meters.counter("makeitright.complaints.resolved", "outcome", resolved.getOutcome().name()).increment();
        String kind = resolved.getRemedy() == null ? "NONE" : resolved.getRemedy().getKind().name();
        DistributionSummary.builder("makeitright.remedy.cost")
                .description("Cost of the remedy of each resolved round, in units of its currency")
                .tags("kind", kind, "currency", resolved.getCost().getCurrency())
                .publishPercentiles(0.5, 0.95)
                .register(meters)
                .record(resolved.getCost().getAmount().doubleValue());
    }

    private static <T extends SpecificRecord> KStream<String, SpecificRecord> source(StreamsBuilder builder, Topic<T> topic) {
        return builder.stream(topic.name(), Consumed.with(Serdes.String(), topic.serde()))
                .mapValues(event -> (SpecificRecord) event);
    }
}
