package com.makeitright.intake.status;

import com.makeitright.intake.IntakeProperties;
import org.apache.kafka.common.serialization.Serdes;
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
 * The status view served by interactive queries on this instance's state store (a prefix scan of the complaint's
 * events), plus what this instance published that the store does not show yet ({@link UnappliedWrites}). One
 * intake instance holds every partition; several instances would each hold some, and a lookup would have to be
 * routed to the instance owning the complaint's partition ({@code KafkaStreams.queryMetadataForKey}) — not done
 * here.
 */
@Component
class StreamsComplaintViews implements ComplaintViews {

    private static final Duration STORE_RETRY = Duration.ofMillis(100);

    private final StreamsBuilderFactoryBean streams;
    private final ViewReadiness readiness;
    private final UnappliedWrites unapplied;
    private final IntakeProperties properties;

    StreamsComplaintViews(StreamsBuilderFactoryBean streams, ViewReadiness readiness, UnappliedWrites unapplied,
                          IntakeProperties properties) {
        this.streams = streams;
        this.readiness = readiness;
        this.unapplied = unapplied;
        this.properties = properties;
    }

    @Override
    public Mono<Optional<ComplaintState>> find(String complaintId) {
        long attempts = Math.max(1, properties.readyWait().toMillis() / STORE_RETRY.toMillis());
        return readiness.ready()
                .then(Mono.fromCallable(() -> events(complaintId))
                        // a RocksDB read is disk I/O: keep it off the event loop
                        .subscribeOn(Schedulers.boundedElastic())
                        // the store is briefly unavailable during a rebalance
                        .retryWhen(Retry.fixedDelay(attempts, STORE_RETRY)
                                .filter(InvalidStateStoreException.class::isInstance)
                                .onRetryExhaustedThrow((spec, signal) -> new ViewUnavailable(
                                        "The status view's store is not available: " + signal.failure().getMessage(),
                                        signal.failure()))))
                .map(events -> ComplaintState.fold(complaintId, events));
    }

    /**
     * The stored events, then this instance's unapplied ones. The overlay is read first: an event leaves it only
     * after it is in the store, so whatever is missing from the snapshot is found in the store read after it.
     */
    private List<RecordedEvent> events(String complaintId) {
        List<RecordedEvent> mine = unapplied.events(complaintId);
        List<RecordedEvent> events = stored(complaintId);
        events.addAll(mine);
        return events;
    }

    private List<RecordedEvent> stored(String complaintId) {
        List<RecordedEvent> events = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = store().prefixScan(ViewKeys.events(complaintId),
                Serdes.Bytes().serializer())) {
            entries.forEachRemaining(entry -> events.add(StoredEventsSerde.readEntry(entry.value)));
        }
        return events;
    }

    private ReadOnlyKeyValueStore<Bytes, byte[]> store() {
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null) {
            throw new InvalidStateStoreException("the stream application is not started");
        }
        return running.store(StoreQueryParameters.fromNameAndType(StatusViewTopology.STORE,
                QueryableStoreTypes.keyValueStore()));
    }
}
