package com.makeitright.triage.stream;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.triage.acknowledge.Triage;
import com.makeitright.platform.StageTimer;
import com.makeitright.platform.TracedRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Triage's stream application. Complaints and resolutions are re-keyed by customer id so that one task owns
 * each customer's memory; both feed the same persistent, changelogged store, which survives restarts. The
 * acknowledgement goes out keyed by complaint id again.
 *
 * <pre>
 * complaints.received --(by customer)--> TriageProcessor [memory, complaints seen] --> complaints.acknowledged
 * complaints.resolved --(by customer)--> ResolutionProcessor [memory, complaints seen]
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TriageProperties.class)
class TriageTopology {

    static final String MEMORY_STORE = "customer-memory";
    static final String SEEN_STORE = "complaints-seen";

    @Bean
    Triage triage(TriageProperties properties, Clock clock) {
        return new Triage(properties.deadlines(), clock);
    }

    @Bean
    KStream<String, ComplaintReceived> triageStream(StreamsBuilder builder, Triage triage, Clock clock,
                                                    MeterRegistry meters, Tracer tracer, Propagator propagator) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MEMORY_STORE),
                Serdes.String(), MemorySerde.memory()));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(SEEN_STORE,
                ComplaintsSeen.RETENTION, ComplaintsSeen.WINDOW, false), Serdes.String(), MemorySerde.seen()));

        KStream<String, ComplaintReceived> received = builder.stream(Topics.COMPLAINTS_RECEIVED.name(),
                Consumed.with(Serdes.String(), Topics.COMPLAINTS_RECEIVED.serde()));
        received.selectKey((complaintId, event) -> event.getCustomer().getId())
                .repartition(Repartitioned.with(Serdes.String(), Topics.COMPLAINTS_RECEIVED.serde())
                        .withName("received-by-customer"))
                .processValues(TracedRecords.step(tracer, propagator, "triage"), Named.as("trace-triage"))
                .process(() -> new TriageProcessor(triage, clock), MEMORY_STORE, SEEN_STORE)
                // counted as it leaves, so the domain stays free of metrics (docs/operations.md)
                .peek((complaintId, ack) -> meters.counter("makeitright.complaints.acknowledged",
                        "cause", ack.getCause().name(), "anger", ack.getAnger().name()).increment())
                .processValues(StageTimer.of(meters, "acknowledged", clock), Named.as("time-acknowledged"))
                .to(Topics.COMPLAINTS_ACKNOWLEDGED.name(),
                        Produced.with(Serdes.String(), Topics.COMPLAINTS_ACKNOWLEDGED.serde()));

        builder.stream(Topics.COMPLAINTS_RESOLVED.name(),
                        Consumed.with(Serdes.String(), Topics.COMPLAINTS_RESOLVED.serde()))
                .selectKey((complaintId, event) -> event.getCustomerId())
                .repartition(Repartitioned.with(Serdes.String(), Topics.COMPLAINTS_RESOLVED.serde())
                        .withName("resolved-by-customer"))
                .process(ResolutionProcessor::new, MEMORY_STORE, SEEN_STORE);
        return received;
    }
}
