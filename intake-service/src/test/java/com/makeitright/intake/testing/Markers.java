package com.makeitright.intake.testing;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Keys that land on the same partition as a given complaint, so that a test can publish a marker after a
 * request and, once the marker is read, know that everything written to that partition before it was read too.
 */
public final class Markers {

    private Markers() {
    }

    public static String samePartitionKey(String complaintId, int partitions) {
        int target = partition(complaintId, partitions);
        while (true) {
            String candidate = "marker-" + UUID.randomUUID();
            if (partition(candidate, partitions) == target) {
                return candidate;
            }
        }
    }

    /** The partition the producer's default partitioner gives this key. */
    public static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
