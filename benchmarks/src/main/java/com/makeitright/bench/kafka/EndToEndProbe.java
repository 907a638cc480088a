package com.makeitright.bench.kafka;

import com.makeitright.bench.load.Latency;
import org.HdrHistogram.ConcurrentHistogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Kafka's own end-to-end latency on a broker, like Kafka's {@code EndToEndLatency} tool but open-loop at a
 * fixed rate: a producer ({@code acks=all}, no linger) sends records carrying their due time; a consumer
 * (read_committed, short fetch wait) in the same JVM reads them; the latency is arrival minus due time.
 */
public final class EndToEndProbe {

    private final String bootstrapServers;
    private final String topic;

    public EndToEndProbe(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    public Latency run(double rate, Duration duration, Duration warmUp) {
        ConcurrentHistogram latencies = Latency.concurrentMicros();
        long total = Math.max(1, Math.round(rate * (duration.plus(warmUp)).toNanos() / 1e9));
        long warmUpCount = Math.round(rate * warmUp.toNanos() / 1e9);
        AtomicLong received = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        try (KafkaConsumer<byte[], byte[]> consumer = Clients.consumer(bootstrapServers);
             KafkaProducer<byte[], byte[]> producer = Clients.producer(bootstrapServers)) {
            Clients.assignAtEnd(consumer, List.of(topic));
            Thread reader = new Thread(() -> {
                long deadline = Long.MAX_VALUE;
                while (received.get() < total && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        ByteBuffer value = ByteBuffer.wrap(record.value());
                        long sequence = value.getLong();
                        long due = value.getLong();
                        if (sequence >= warmUpCount) {
                            Latency.recordNanos(latencies, System.nanoTime() - due);
                        }
                        received.incrementAndGet();
                    }
                    if (done.get() && deadline == Long.MAX_VALUE) {
                        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    }
                }
            }, "e2e-probe-reader");
            reader.start();
            producer.partitionsFor(topic); // metadata before the clock starts
            double period = 1e9 / rate;
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = start + (long) (i * period);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                producer.send(new ProducerRecord<>(topic, ByteBuffer.allocate(16).putLong(i).putLong(due).array()));
            }
            producer.flush();
            done.set(true);
            reader.join(TimeUnit.SECONDS.toMillis(40));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Latency.of(latencies);
    }
}
