package com.makeitright.intake.status;

import com.makeitright.events.ComplaintReceived;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.intake.contacts.ContactRule;
import com.makeitright.intake.contacts.OpenCase;
import com.makeitright.intake.contacts.OpenCaseMatch;
import com.makeitright.intake.contacts.OpenCases;
import com.makeitright.intake.contacts.RepeatContactProperties;
import com.makeitright.platform.instances.PrefixReads;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The customer's open cases read from this instance's {@code open-cases} store (every partition's: one customer's
 * cases lie on the partitions of their complaint ids), once the view caught up, judged by {@link ContactRule}. Like
 * the status view, one intake instance holds every partition.
 */
@Component
class StreamsOpenCases implements OpenCases {

    private static final Duration STORE_RETRY = Duration.ofMillis(100);

    private final StreamsBuilderFactoryBean streams;
    private final ViewReadiness readiness;
    private final ContactRule rule;
    private final long attempts;

    StreamsOpenCases(StreamsBuilderFactoryBean streams, ViewReadiness readiness, RepeatContactProperties properties,
                     IntakeProperties intake) {
        this.streams = streams;
        this.readiness = readiness;
        this.rule = new ContactRule(properties);
        this.attempts = Math.max(1, intake.readyWait().toMillis() / STORE_RETRY.toMillis());
    }

    @Override
    public Mono<Optional<OpenCaseMatch>> match(ComplaintReceived incoming) {
        String customerId = OpenCase.customerId(incoming);
        if (customerId == null) {
            return Mono.just(Optional.empty());
        }
        return readiness.ready()
                .then(Mono.fromCallable(() -> openCases(customerId))
                        .subscribeOn(Schedulers.boundedElastic())
                        .retryWhen(Retry.fixedDelay(attempts, STORE_RETRY)
                                .filter(InvalidStateStoreException.class::isInstance)
                                .onRetryExhaustedThrow((spec, signal) -> new ViewUnavailable(
                                        "The open cases' store is not available: " + signal.failure().getMessage(),
                                        signal.failure()))))
                .map(open -> rule.match(incoming, open));
    }

    private List<OpenCase> openCases(String customerId) {
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null) {
            throw new InvalidStateStoreException("the stream application is not started");
        }
        ReadOnlyKeyValueStore<Bytes, byte[]> store = running.store(StoreQueryParameters.fromNameAndType(
                OpenCasesTopology.STORE, QueryableStoreTypes.keyValueStore()));
        List<OpenCase> cases = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = PrefixReads.of(store, OpenCasesTopology.customer(customerId))) {
            entries.forEachRemaining(entry -> cases.add(OpenCasesTopology.VALUES.deserializer()
                    .deserialize(OpenCasesTopology.STORE, entry.value)));
        }
        return cases;
    }
}
