package com.makeitright.platform;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates every contract topic and its dead-letter topic at start-up (Spring's {@link KafkaAdmin}), with the
 * configured partitions and replication, so that nothing depends on the broker auto-creating topics. Each
 * service also gets a dead-letter topic for records of its internal (repartition) topics.
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class ContractTopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics contractTopics(PlatformProperties properties, Environment environment) {
        PlatformProperties.TopicLayout layout = properties.getTopics();
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?> topic : Topics.ALL) {
            topics.add(topic(topic.name(), layout));
            topics.add(topic(topic.deadLetterTopic(), layout));
        }
        String application = environment.getProperty("spring.application.name");
        if (application != null) {
            topics.add(topic(DeadLetters.internalDeadLetterTopic(application), layout));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, PlatformProperties.TopicLayout layout) {
        String retention = layout.getRetention() == null ? "-1" : String.valueOf(layout.getRetention().toMillis());
        return TopicBuilder.name(name)
                .partitions(layout.getPartitions())
                .replicas(layout.getReplicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, retention)
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, layout.getReplicationFactor())))
                .build();
    }
}
