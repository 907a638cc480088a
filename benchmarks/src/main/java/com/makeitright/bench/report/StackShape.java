package com.makeitright.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * What the run measured on: instances of each service, Kafka nodes and the replication factor they gave every topic,
 * and which sections ran. Scaling runs differ only here, so the report says it first.
 */
public record StackShape(int instances, int brokers, int replicationFactor, int minInSyncReplicas,
                         List<String> sections) {

    public StackShape {
        sections = List.copyOf(sections);
    }

    /** One sentence for the report's header. */
    public String describe() {
        return String.format(Locale.ROOT, "%d instance%s of each service, %d Kafka broker%s (replication factor %d,"
                        + " min.insync.replicas %d); sections: %s.", instances, instances == 1 ? "" : "s", brokers,
                brokers == 1 ? "" : "s", replicationFactor, minInSyncReplicas, String.join(", ", sections));
    }
}
