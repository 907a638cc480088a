package com.makeitright.worker.outbound;

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
import java.util.function.Function;

/**
 * Runs one {@link DeliveryConsumer} thread per destination, outside the worker's Kafka Streams topology, so a slow
 * receiver holds back only its own destination. Threads: one per configured destination, no more; one dead-letter
 * producer shared by them.
 */
public class DeliveryThreads implements SmartLifecycle {

    private final Map<String, Object> kafka;
    private final String producerClientId;
    private final List<Function<KafkaProducer<String, byte[]>, DeliveryConsumer>> destinations;
    private final List<DeliveryConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private KafkaProducer<String, byte[]> deadLetters;

    /**
     * @param destinations each makes its consumer, given the dead-letter producer
     */
    public DeliveryThreads(Map<String, Object> kafka, String producerClientId,
                           List<Function<KafkaProducer<String, byte[]>, DeliveryConsumer>> destinations) {
        this.kafka = kafka;
        this.producerClientId = producerClientId;
        this.destinations = destinations;
    }

    @Override
    public synchronized void start() {
        if (destinations.isEmpty()) {
            return;
        }
        Map<String, Object> producer = new HashMap<>(kafka);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, producerClientId);
        deadLetters = new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer());
        for (Function<KafkaProducer<String, byte[]>, DeliveryConsumer> destination : destinations) {
            DeliveryConsumer consumer = destination.apply(deadLetters);
            Thread thread = new Thread(consumer, consumer.name());
            consumers.add(consumer);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        consumers.forEach(DeliveryConsumer::stop);
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
