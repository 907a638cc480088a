package com.makeitright.platform;

import com.makeitright.contract.TopicLayout;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.List;

/**
 * Creates every contract topic and its dead-letter topic at start-up (Spring's {@link KafkaAdmin}), with the
 * configured partitions and replication, so that nothing depends on the broker auto-creating topics. Each
 * service also gets a dead-letter topic for records of its internal (repartition) topics. Existing topics are left
 * as they are, and one with another partition count than configured stops the service ({@link TopicLayoutGuard}).
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class ContractTopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics contractTopics(PlatformProperties properties, Environment environment,
                                        ObjectProvider<KafkaAdmin> admin) {
        PlatformProperties.TopicSettings layout = properties.topics();
        String application = environment.getProperty("spring.application.name");
        List<NewTopic> topics = TopicLayout.newTopics(layout.partitions(), layout.replicationFactor(),
                layout.retention(), application == null ? List.of() : List.of(application));
        // Set before the admin's start-up pass (after every singleton exists), which creates what is missing.
        admin.ifAvailable(kafkaAdmin -> kafkaAdmin.setCreateOrModifyTopic(
                new TopicLayoutGuard(kafkaAdmin.getConfigurationProperties(), topics)));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
