package com.makeitright.cli.stack;

import com.makeitright.contract.TopicLayout;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;

/**
 * The topics the local stack creates before the services start, laid out as the services lay them out
 * ({@link TopicLayout}): one replica on the single local broker, three (with {@code min.insync.replicas=2}) on the
 * three-node cluster, kept forever.
 */
public final class ContractTopics {

    private ContractTopics() {
    }

    public static List<NewTopic> all(int partitions) {
        return all(partitions, (short) 1);
    }

    public static List<NewTopic> all(int partitions, short replicationFactor) {
        return TopicLayout.newTopics(partitions, replicationFactor, null,
                Component.SERVICES.stream().map(service -> service.module().orElseThrow()).toList());
    }
}
