package com.makeitright.bench.baseline;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * One hop of the pass-through chain: a Kafka Streams application that copies every record of one topic to the
 * next, bytes untouched, with the services' exactly-once settings and no business logic. What a service's hop
 * costs beyond this is its own. Args: bootstrap servers, application id, from topic, to topic, state directory, and
 * the replication factor of its internal topics (default 1; the stack's, as the services get it). Several processes
 * with the same application id share the work as a service's instances do.
 */
public final class PassThroughHop {

    private PassThroughHop() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5 && args.length != 6) {
            throw new IllegalArgumentException(
                    "usage: PassThroughHop BOOTSTRAP APPLICATION_ID FROM TO STATE_DIR [REPLICATION_FACTOR]");
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(args[2], Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(args[3], Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        int replicationFactor = args.length == 6 ? Integer.parseInt(args[5]) : 1;
        KafkaStreams streams = new KafkaStreams(builder.build(), config(args[0], args[1], args[4], replicationFactor));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(20));
            stopped.countDown();
        }, "pass-through-close"));
        streams.start();
        stopped.await();
    }

    /** The settings every service's Streams application gets from the platform module, nothing more. */
    static Properties config(String bootstrapServers, String applicationId, String stateDir, int replicationFactor) {
        Properties config = new Properties();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        return config;
    }
}
