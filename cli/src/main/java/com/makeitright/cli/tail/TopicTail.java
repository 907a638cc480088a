package com.makeitright.cli.tail;

import com.makeitright.cli.stack.KafkaClientSettings;
import com.makeitright.contract.EventJson;
import com.makeitright.contract.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Follows one contract topic and prints each event as one JSON line (via {@link EventJson}). Reads committed
 * records only, without a consumer group, so tailing never disturbs the services. A record that does not
 * decode is reported on the error stream and skipped.
 */
public final class TopicTail {

    private final String bootstrapServers;
    private final Topic<?> topic;
    private final boolean fromBeginning;

    public TopicTail(String bootstrapServers, Topic<?> topic, boolean fromBeginning) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.fromBeginning = fromBeginning;
    }

    /**
     * Prints events until {@code max} were printed (0: no limit) or nothing new arrived for {@code idle}
     * ({@code null}: wait forever, until the thread is interrupted or the JVM stops). Returns how many.
     */
    public long run(PrintStream out, PrintStream err, long max, Duration idle) {
        Properties props = KafkaClientSettings.forBootstrap(bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "complaints-tail");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        Deserializer<? extends SpecificRecord> decoder = topic.serde().deserializer();
        long printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Thread main = Thread.currentThread();
            Thread wakeUp = new Thread(consumer::wakeup, "tail-wakeup");
            Runtime.getRuntime().addShutdownHook(wakeUp);
            List<PartitionInfo> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(15));
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalStateException("Topic " + topic.name() + " does not exist on " + bootstrapServers
                        + " (is the stack up?)");
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            if (fromBeginning) {
                consumer.seekToBeginning(assigned);
            } else {
                consumer.seekToEnd(assigned);
            }
            long lastRecord = System.nanoTime();
            try {
                while (!main.isInterrupted()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        lastRecord = System.nanoTime();
                        try {
                            out.println(EventJson.toJson(decoder.deserialize(topic.name(), record.value())));
                            printed++;
                        } catch (RuntimeException undecodable) {
                            err.println("Cannot decode " + topic.name() + "-" + record.partition() + "@"
                                    + record.offset() + ": " + undecodable.getMessage());
                        }
                        if (max > 0 && printed >= max) {
                            return printed;
                        }
                    }
                    out.flush();
                    if (idle != null && System.nanoTime() - lastRecord > idle.toNanos()) {
                        return printed;
                    }
                }
            } catch (WakeupException stopping) {
                return printed;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(wakeUp);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: nothing to remove
                }
            }
        }
        return printed;
    }
}
