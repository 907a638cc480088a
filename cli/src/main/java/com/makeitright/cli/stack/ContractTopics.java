package com.makeitright.cli.stack;

import com.makeitright.contract.TopicLayout;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;

/**
 * The topics the local stack creates before the services start, laid out as the services lay them out
 * ({@link TopicLayout}): one replica on the local broker, kept forever.
 */
public final class ContractTopics {

    private ContractTopics() {
    }

    public static List<NewTopic> all(int partitions) {
        return TopicLayout.newTopics(partitions, (short) 1, null,
                Component.SERVICES.stream().map(service -> service.module().orElseThrow()).toList());
    }
}
