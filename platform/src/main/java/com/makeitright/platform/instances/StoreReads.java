package com.makeitright.platform.instances;

import com.makeitright.platform.PlatformProperties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.InvalidStateStorePartitionException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads this instance's partitions of a key-value store one partition at a time, so the answer says which
 * partitions it covers ({@link HeldPartitions}): a partition whose task is elsewhere, or still restoring, is
 * simply not among them.
 */
public class StoreReads {

    private final StreamsBuilderFactoryBean streams;
    private final int partitions;

    public StoreReads(StreamsBuilderFactoryBean streams, PlatformProperties platform) {
        this.streams = streams;
        this.partitions = platform.topics().partitions();
    }

    /** Partitions of every store: the contract topics' count, which the stores' source topics share. */
    public int partitions() {
        return partitions;
    }

    /**
     * The values the query finds in each partition of the store this instance serves now.
     *
     * @throws InstancesUnavailable while the stream application is not running or a store moves while it is read
     */
    public <V> Values<V> values(String store,
                                Function<ReadOnlyKeyValueStore<String, V>, KeyValueIterator<String, V>> query) {
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null || !(running.state() == KafkaStreams.State.RUNNING
                || running.state() == KafkaStreams.State.REBALANCING)) {
            throw new InstancesUnavailable("the stream application is "
                    + (running == null ? "not started" : running.state().name().toLowerCase()), null);
        }
        SortedSet<Integer> held = new TreeSet<>();
        List<V> values = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            ReadOnlyKeyValueStore<String, V> one;
            try {
                one = running.store(StoreQueryParameters.fromNameAndType(store,
                        QueryableStoreTypes.<String, V>keyValueStore()).withPartition(partition));
                try (KeyValueIterator<String, V> entries = query.apply(one)) {
                    entries.forEachRemaining(entry -> values.add(entry.value));
                }
            } catch (InvalidStateStorePartitionException notHere) {
                continue;
            } catch (InvalidStateStoreException e) {
                throw new InstancesUnavailable("store " + store + " is being restored or moved: "
                        + e.getMessage(), e);
            }
            held.add(partition);
        }
        return new Values<>(store, held, values);
    }

    /** What one instance read of a store: the partitions and their values. */
    public record Values<V>(String store, SortedSet<Integer> partitions, List<V> values) {

        /** The same partitions with each value replaced (e.g. measured): one value in, any number out. */
        public <W> Values<W> flatMap(Function<V, List<W>> mapping) {
            return new Values<>(store, partitions, values.stream().flatMap(v -> mapping.apply(v).stream()).toList());
        }
    }
}
