package com.makeitright.worker.webhooks;

import com.makeitright.platform.PlatformProperties;
import com.makeitright.worker.outbound.DeliveryConsumer;
import com.makeitright.worker.outbound.DeliveryThreads;
import com.makeitright.worker.outbound.HttpDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    /** One thread per subscription, no more. */
    @Bean
    DeliveryThreads webhookDispatcher(WebhookProperties properties, KafkaProperties kafka, Clock clock,
                                      MeterRegistry meters) {
        WebhookDelivery delivery = new WebhookDelivery(new HttpDelivery(HttpDelivery.client(properties.delivery()),
                properties.delivery(), clock, duration -> Thread.sleep(duration.toMillis())), clock);
        Map<String, Object> config = kafka.buildAdminProperties();
        List<Function<KafkaProducer<String, byte[]>, DeliveryConsumer>> destinations = properties.subscriptions()
                .stream().<Function<KafkaProducer<String, byte[]>, DeliveryConsumer>>map(subscription -> deadLetters -> {
                    SubscriptionConsumer handler = new SubscriptionConsumer(subscription, delivery, meters);
                    return new DeliveryConsumer(handler.destination(properties.delivery().worstCase()), config,
                            deadLetters, handler);
                }).toList();
        return new DeliveryThreads(config, "followup-worker-webhook-dlt", destinations);
    }
}
