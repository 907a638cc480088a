package com.makeitright.testing;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import java.util.List;

import static org.awaitility.Awaitility.await;

/** Instances of one Kafka Streams service started by a test, alone or several in one consumer group. */
public final class StreamsInstances {

    private StreamsInstances() {
    }

    /** Waits until the instance's streams run: its store answers instead of a 503 "not ready yet". */
    public static void awaitRunning(ApplicationContext instance) {
        await().atMost(KafkaProbe.PATIENCE).until(() -> {
            KafkaStreams streams = instance.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
            return streams != null && streams.state() == KafkaStreams.State.RUNNING;
        });
    }

    /**
     * Waits until every instance's streams run, each sees all of them as members of its group, and every member
     * holds some partitions: only then does a test exercise what one instance answers for another.
     */
    public static void awaitEachHoldsPartitions(List<? extends ApplicationContext> instances) {
        await().atMost(KafkaProbe.PATIENCE).until(() -> instances.stream().allMatch(instance -> {
            KafkaStreams streams = instance.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
            return streams != null && streams.state() == KafkaStreams.State.RUNNING
                    && streams.metadataForAllStreamsClients().size() == instances.size()
                    && streams.metadataForAllStreamsClients().stream().allMatch(m -> !m.topicPartitions().isEmpty());
        }));
    }
}
