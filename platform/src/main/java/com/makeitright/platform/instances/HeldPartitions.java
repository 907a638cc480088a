package com.makeitright.platform.instances;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which partitions of which state stores one instance's part was read from. The parts of all instances together
 * must hold every partition of every store exactly once: a gap is a partition no instance could serve (restoring,
 * moving), an overlap one read twice across a move. Either way the sum would be wrong, so the read answers 503.
 */
public record HeldPartitions(Map<String, SortedSet<Integer>> stores) {

    public HeldPartitions {
        TreeMap<String, SortedSet<Integer>> copy = new TreeMap<>();
        stores.forEach((store, partitions) -> copy.put(store, Collections.unmodifiableSortedSet(
                new TreeSet<>(partitions))));
        stores = Collections.unmodifiableSortedMap(copy);
    }

    public static HeldPartitions none() {
        return new HeldPartitions(Map.of());
    }

    /** The partitions the reads were served from. */
    public static HeldPartitions of(StoreReads.Values<?>... reads) {
        HeldPartitions held = none();
        for (StoreReads.Values<?> read : reads) {
            held = held.with(read.store(), read.partitions());
        }
        return held;
    }

    public HeldPartitions with(String store, Set<Integer> partitions) {
        TreeMap<String, SortedSet<Integer>> more = new TreeMap<>(stores);
        SortedSet<Integer> merged = new TreeSet<>(more.getOrDefault(store, new TreeSet<>()));
        merged.addAll(partitions);
        more.put(store, merged);
        return new HeldPartitions(more);
    }

    /**
     * Checks that the parts together hold each of the stores' {@code partitions} partitions exactly once.
     *
     * @throws InstancesUnavailable naming the first store with a partition missing or read twice
     */
    public static void requireEachOnce(Collection<HeldPartitions> parts, int partitions) {
        Map<String, int[]> reads = new TreeMap<>();
        for (HeldPartitions part : parts) {
            part.stores().forEach((store, held) -> {
                int[] counts = reads.computeIfAbsent(store, s -> new int[partitions]);
                for (int partition : held) {
                    if (partition < 0 || partition >= partitions) {
                        throw new InstancesUnavailable("store " + store + " has a partition " + partition
                                + " beyond the " + partitions + " configured", null);
                    }
                    counts[partition]++;
                }
            });
        }
        reads.forEach((store, counts) -> {
            for (int partition = 0; partition < partitions; partition++) {
                if (counts[partition] != 1) {
                    throw new InstancesUnavailable("partition " + partition + " of " + store + " was "
                            + (counts[partition] == 0 ? "held by no instance" : "read on two instances")
                            + ": the group is rebalancing", null);
                }
            }
        });
    }
}
