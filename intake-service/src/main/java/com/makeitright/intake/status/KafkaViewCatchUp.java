package com.makeitright.intake.status;

import com.makeitright.contract.Topic;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.platform.PlatformProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ViewCatchUp} with the Admin API, as {@link ViewReadiness} checks the start-up catch-up: the partition's
 * last stable offset now, then the view's consumer group's committed offset until it reaches it (Streams commits a
 * position only after the records before it are in the store). The group's offsets cover every instance, so this
 * also holds when another instance owns the partition. Rare by design: only a retry after an unknown outcome asks.
 */
@Component
class KafkaViewCatchUp implements ViewCatchUp, DisposableBean {

    private static final Duration CHECK_EVERY = Duration.ofMillis(200);
    private static final long CALL_TIMEOUT_SECONDS = 5;

    private final StreamsBuilderFactoryBean streams;
    private final KafkaAdmin kafkaAdmin;
    private final Duration wait;
    private final int partitions;
    private volatile Admin admin;

    KafkaViewCatchUp(StreamsBuilderFactoryBean streams, KafkaAdmin kafkaAdmin, IntakeProperties properties,
                     PlatformProperties platform) {
        this.streams = streams;
        this.kafkaAdmin = kafkaAdmin;
        this.wait = properties.readyWait();
        this.partitions = platform.topics().partitions();
    }

    @Override
    public Mono<Void> caughtUpWith(Topic<?> topic, String recordKey) {
        TopicPartition partition = new TopicPartition(topic.name(), partitionOf(recordKey, partitions));
        // Admin calls block: each on the bounded elastic scheduler, also when a repeat resubscribes from a timer
        return Mono.fromCallable(() -> lastStableOffset(partition))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(target -> Mono.fromCallable(() -> committed(partition) >= target)
                        .subscribeOn(Schedulers.boundedElastic())
                        .filter(Boolean::booleanValue)
                        .repeatWhenEmpty(repeats -> repeats.delayElements(CHECK_EVERY)))
                // a broker that cannot answer yet is asked again, within the same bound
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, CHECK_EVERY))
                .timeout(wait)
                .onErrorMap(TimeoutException.class, e -> new ViewUnavailable("The status view has not caught up with "
                        + partition + " within " + wait + "; retry shortly", e))
                .then();
    }

    /** Kafka's default partitioner for a keyed record (murmur2 of the serialized key). */
    static int partitionOf(String recordKey, int partitions) {
        return Utils.toPositive(Utils.murmur2(recordKey.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private long lastStableOffset(TopicPartition partition) throws Exception {
        return admin().listOffsets(Map.of(partition, OffsetSpec.latest()),
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(partition).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS).offset();
    }

    private long committed(TopicPartition partition) throws Exception {
        String group = streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(Map.of(group,
                        new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(partition))))
                .partitionsToOffsetAndMetadata(group).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        OffsetAndMetadata offset = offsets.get(partition);
        return offset == null ? 0 : offset.offset();
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafkaAdmin.getConfigurationProperties());
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
