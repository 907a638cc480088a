package com.makeitright.intake.status;

import com.makeitright.intake.IntakeProperties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The status view served by interactive queries on this instance's state store. One intake instance holds
 * every partition; several instances would each hold some, and a lookup would have to be routed to the
 * instance owning the complaint's partition ({@code KafkaStreams.queryMetadataForKey}) — not done here.
 */
@Component
class StreamsComplaintViews implements ComplaintViews {

    private static final Duration STORE_RETRY = Duration.ofMillis(100);

    private final StreamsBuilderFactoryBean streams;
    private final ViewReadiness readiness;
    private final ViewUpdates updates;
    private final IntakeProperties properties;

    StreamsComplaintViews(StreamsBuilderFactoryBean streams, ViewReadiness readiness, ViewUpdates updates,
                          IntakeProperties properties) {
        this.streams = streams;
        this.readiness = readiness;
        this.updates = updates;
        this.properties = properties;
    }

    @Override
    public Mono<Optional<ComplaintState>> find(String complaintId) {
        long attempts = Math.max(1, properties.getReadyWait().toMillis() / STORE_RETRY.toMillis());
        return readiness.ready()
                .then(Mono.fromCallable(() -> Optional.ofNullable(store().get(complaintId)))
                        // a RocksDB read is disk I/O: keep it off the event loop
                        .subscribeOn(Schedulers.boundedElastic())
                        // the store is briefly unavailable during a rebalance
                        .retryWhen(Retry.fixedDelay(attempts, STORE_RETRY)
                                .filter(InvalidStateStoreException.class::isInstance)
                                .onRetryExhaustedThrow((spec, signal) -> new ViewUnavailable(
                                        "The status view's store is not available: " + signal.failure().getMessage(),
                                        signal.failure()))))
                .map(history -> history.flatMap(events -> ComplaintState.fold(complaintId, events)));
    }

    @Override
    public Mono<Boolean> whenApplied(String eventId) {
        CompletableFuture<Void> expected = updates.expect(eventId);
        return Mono.fromFuture(expected, true)
                .timeout(properties.getViewWait())
                .thenReturn(true)
                .onErrorResume(TimeoutException.class, e -> {
                    updates.forget(eventId, expected);
                    return Mono.just(false);
                });
    }

    private ReadOnlyKeyValueStore<String, List<RecordedEvent>> store() {
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null) {
            throw new InvalidStateStoreException("the stream application is not started");
        }
        return running.store(StoreQueryParameters.fromNameAndType(StatusViewTopology.STORE,
                QueryableStoreTypes.keyValueStore()));
    }
}
