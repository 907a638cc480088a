package com.makeitright.worker.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@link SubscriptionConsumer} thread per subscription, outside the worker's Kafka Streams topology, so a
 * slow receiver holds back only its own subscription. Threads: one per configured subscription, no more.
 */
class WebhookDispatcher implements SmartLifecycle {

    private final WebhookProperties properties;
    private final Map<String, Object> kafka;
    private final WebhookDelivery delivery;
    private final MeterRegistry meters;
    private final List<SubscriptionConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private KafkaProducer<String, byte[]> deadLetters;

    WebhookDispatcher(WebhookProperties properties, Map<String, Object> kafka, WebhookDelivery delivery,
                      MeterRegistry meters) {
        this.properties = properties;
        this.kafka = kafka;
        this.delivery = delivery;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        if (properties.subscriptions().isEmpty()) {
            return;
        }
        Map<String, Object> producer = new HashMap<>(kafka);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "followup-worker-webhook-dlt");
        deadLetters = new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer());
        Duration bound = properties.delivery().worstCase();
        for (WebhookProperties.Subscription subscription : properties.subscriptions()) {
            SubscriptionConsumer consumer = new SubscriptionConsumer(subscription, kafka, bound, deadLetters, delivery,
                    meters);
            Thread thread = new Thread(consumer, "webhook-" + subscription.name());
            consumers.add(consumer);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        consumers.forEach(SubscriptionConsumer::stop);
        threads.forEach(Thread::interrupt); // ends a wait between attempts or an HTTP call in flight
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        consumers.clear();
        threads.clear();
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
            deadLetters = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return !threads.isEmpty();
    }
}
