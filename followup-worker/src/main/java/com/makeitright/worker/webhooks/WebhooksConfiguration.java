package com.makeitright.worker.webhooks;

import com.makeitright.platform.PlatformProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Clock;

/** Outgoing webhooks: one consumer per configured subscription, and its dead-letter topic created at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhooksConfiguration {

    @Bean
    KafkaAdmin.NewTopics webhookDeadLetterTopics(WebhookProperties properties, PlatformProperties platform) {
        return new KafkaAdmin.NewTopics(properties.subscriptions().stream()
                .map(subscription -> new NewTopic(WebhookTopics.deadLetterTopic(subscription.name()),
                        platform.topics().partitions(), platform.topics().replicationFactor()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    WebhookDispatcher webhookDispatcher(WebhookProperties properties, KafkaProperties kafka, Clock clock,
                                        MeterRegistry meters) {
        WebhookDelivery delivery = new WebhookDelivery(WebhookDelivery.client(properties.delivery()),
                properties.delivery(), clock, duration -> Thread.sleep(duration.toMillis()));
        return new WebhookDispatcher(properties, kafka.buildAdminProperties(), delivery, meters);
    }
}
