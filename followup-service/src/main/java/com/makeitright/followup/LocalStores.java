package com.makeitright.followup;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.util.function.Supplier;

/**
 * Interactive queries over this instance's state stores. followup-service runs as a single instance, so
 * the local stores hold every partition; with several instances each would see only its own partitions
 * (the insights would then need a fan-out over {@code KafkaStreams#streamsMetadataForStore}).
 */
@Component
public class LocalStores {

    private final StreamsBuilderFactoryBean streams;

    LocalStores(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /** A read-only view of all local partitions of a store; 503 while the stream application is not running. */
    public <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || !(kafkaStreams.state() == KafkaStreams.State.RUNNING
                || kafkaStreams.state() == KafkaStreams.State.REBALANCING)) {
            throw unavailable("the stream application is "
                    + (kafkaStreams == null ? "not started" : kafkaStreams.state().name().toLowerCase()), null);
        }
        try {
            return kafkaStreams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw unavailable("store " + name + " is being restored or moved: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a query over the stores; a store that moves or starts restoring while it is read (a rebalance) makes
     * the query fail like an unavailable store.
     */
    public <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw unavailable("a store moved while it was read: " + e.getMessage(), e);
        }
    }

    static ResponseStatusException unavailable(String why, Throwable cause) {
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "Insights are not available right now (" + why + "); try again in a few seconds.", cause);
    }
}
