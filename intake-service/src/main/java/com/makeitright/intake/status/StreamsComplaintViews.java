package com.makeitright.intake.status;

import com.makeitright.platform.instances.CallerCredential;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.platform.instances.PrefixReads;
import org.apache.kafka.common.utils.Bytes;
import com.makeitright.platform.PlatformProperties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status view served by interactive queries on the state store of the instance that holds the complaint (a
 * prefix scan of its events): this one, or another intake instance asked over HTTP ({@link ViewOwners},
 * {@link PeerViews}); plus what this instance published that the store does not show yet ({@link UnappliedWrites}).
 */
@Component
class StreamsComplaintViews implements ComplaintViews {

    private final StreamsBuilderFactoryBean streams;
    private final ViewReadiness readiness;
    private final UnappliedWrites unapplied;
    private final IntakeProperties properties;
    private final ViewOwners owners;
    private final PeerViews peers;
    private final int partitions;

    StreamsComplaintViews(StreamsBuilderFactoryBean streams, ViewReadiness readiness, UnappliedWrites unapplied,
                          IntakeProperties properties, ViewOwners owners, PeerViews peers,
                          PlatformProperties platform) {
        this.streams = streams;
        this.readiness = readiness;
        this.unapplied = unapplied;
        this.properties = properties;
        this.owners = owners;
        this.peers = peers;
        this.partitions = platform.topics().partitions();
    }

    @Override
    public Mono<Optional<ComplaintState>> find(String complaintId) {
        return readiness.ready()
                .then(whileItMoves(Mono.deferContextual(context -> events(complaintId, CallerCredential.of(context)))))
                .map(events -> ComplaintState.fold(complaintId, events));
    }

    /** For another instance: the events of a complaint this one holds; 503 when it does not (any more). */
    Mono<List<byte[]>> heldEntries(String complaintId) {
        return readiness.ready().then(whileItMoves(Mono.fromCallable(() -> {
            if (owners.elsewhere(complaintId).isPresent()) {
                throw new ViewUnavailable("This intake instance does not hold complaint " + complaintId
                        + " (any more); ask again who does", null);
            }
            List<byte[]> entries = unapplied.entries(complaintId);
            List<byte[]> held = stored(complaintId);
            held.addAll(entries);
            return held;
        }).subscribeOn(Schedulers.boundedElastic())));
    }

    /** The store is briefly unavailable during a rebalance, and a peer while it fails over: bounded by move-wait. */
    private <T> Mono<T> whileItMoves(Mono<T> read) {
        return MovingStoreReads.retried(read, properties.moveWait(), failure -> new ViewUnavailable(
                "The complaint's part of the status view is moving between instances"
                        + (failure == null ? "" : " (" + failure.getMessage() + ")") + "; retry shortly", failure));
    }

    /**
     * The stored events, then this instance's unapplied ones. The overlay is read first: an event leaves it only
     * after it is in the store, so whatever is missing from the snapshot is found in the store read after it.
     */
    private Mono<List<RecordedEvent>> events(String complaintId, Optional<String> credential) {
        return Mono.defer(() -> {
            List<RecordedEvent> mine = unapplied.events(complaintId);
            Optional<HostInfo> owner = owners.elsewhere(complaintId);
            Mono<List<byte[]>> held = owner.isPresent()
                    ? peers.entries(owner.get(), complaintId, credential)
                    // a RocksDB read is disk I/O: keep it off the event loop
                    : Mono.fromCallable(() -> stored(complaintId)).subscribeOn(Schedulers.boundedElastic());
            return held.map(entries -> {
                List<RecordedEvent> events = new ArrayList<>(entries.size() + mine.size());
                entries.forEach(entry -> events.add(StoredEventsSerde.readEntry(entry)));
                events.addAll(mine);
                return events;
            });
        });
    }

    private List<byte[]> stored(String complaintId) {
        List<byte[]> entries = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> stored = PrefixReads.of(store(complaintId), ViewKeys.events(complaintId))) {
            stored.forEachRemaining(entry -> entries.add(entry.value));
        }
        return entries;
    }

    /**
     * The store of the complaint's own partition (the store is partitioned like its source topics, by complaint id).
     * Not the store of every local partition: that one silently leaves out a partition whose task is still restoring
     * after a rebalance moved it here, so the complaint would read as unknown and a retry of its Idempotency-Key could
     * publish it again. Asked for its partition, the store throws {@link InvalidStateStoreException} until the task
     * runs here, which the callers retry.
     */
    private ReadOnlyKeyValueStore<Bytes, byte[]> store(String complaintId) {
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null) {
            throw new InvalidStateStoreException("the stream application is not started");
        }
        return running.store(StoreQueryParameters.fromNameAndType(StatusViewTopology.STORE,
                        QueryableStoreTypes.<Bytes, byte[]>keyValueStore())
                .withPartition(KafkaViewCatchUp.partitionOf(complaintId, partitions)));
    }
}
