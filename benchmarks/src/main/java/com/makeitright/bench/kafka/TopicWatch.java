package com.makeitright.bench.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Watches topics from where they end at construction: every record written after that, with the wall-clock
 * time it arrived here (read_committed, so after its transaction committed).
 */
public final class TopicWatch implements AutoCloseable {

    /** What to do with each record; {@code arrivedNanos} is {@link System#nanoTime()} when it was read. */
    @FunctionalInterface
    public interface Handler {
        void accept(ConsumerRecord<byte[], byte[]> record, long arrivedNanos);
    }

    /** Why a watch ended. */
    public enum End { DONE, IDLE, TIMED_OUT }

    private final KafkaConsumer<byte[], byte[]> consumer;

    public TopicWatch(String bootstrapServers, List<String> topics) {
        this.consumer = Clients.consumer(bootstrapServers);
        Clients.assignAtEnd(consumer, topics);
    }

    /**
     * Reads until {@code done}, until nothing arrived for {@code idle} (once something did, or from the start
     * when {@code idleFromStart}), or until {@code timeout}.
     */
    public End until(BooleanSupplier done, Duration timeout, Duration idle, boolean idleFromStart, Handler handler) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastArrival = idleFromStart ? System.nanoTime() : Long.MAX_VALUE;
        while (!done.getAsBoolean()) {
            long now = System.nanoTime();
            if (now > deadline) {
                return End.TIMED_OUT;
            }
            if (lastArrival != Long.MAX_VALUE && now - lastArrival > idle.toNanos()) {
                return End.IDLE;
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                lastArrival = System.nanoTime();
                handler.accept(record, lastArrival);
            }
        }
        return End.DONE;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
