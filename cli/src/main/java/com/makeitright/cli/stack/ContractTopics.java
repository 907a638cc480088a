package com.makeitright.cli.stack;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The topics the local stack creates before the services start, laid out as the platform lays them out
 * (same partitions everywhere, kept forever): every contract topic, its dead-letter topic, and each service's
 * own dead-letter topic.
 */
public final class ContractTopics {

    private ContractTopics() {
    }

    public static List<NewTopic> all(int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?> topic : Topics.ALL) {
            topics.add(topic(topic.name(), partitions));
            topics.add(topic(topic.deadLetterTopic(), partitions));
        }
        for (Component service : Component.SERVICES) {
            topics.add(topic(service.module().orElseThrow() + Topic.DEAD_LETTER_SUFFIX, partitions));
        }
        return topics;
    }

    private static NewTopic topic(String name, int partitions) {
        return new NewTopic(name, partitions, (short) 1).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"));
    }
}
