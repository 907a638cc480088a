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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ViewCatchUp} with the Admin API, as {@link ViewReadiness} checks the start-up catch-up: the partition's
 * last stable offset now, then the view's consumer group's committed offset until it reaches it (Streams commits a
 * position only after the records before it are in the store). The group's offsets cover every instance, so this
 * also holds when another instance owns the partition. Rare by design: only a retry after an unknown outcome asks.
 *
 * <p>The same group offsets confirm {@link UnappliedWrites}: every {@value #SWEEP_EVERY_MS} ms while it holds
 * events, one call reads the group's committed offsets and drops what is durably in the view, on whichever instance.
 */
@Component
class KafkaViewCatchUp implements ViewCatchUp, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaViewCatchUp.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(200);
    private static final long CALL_TIMEOUT_SECONDS = 5;
    static final long SWEEP_EVERY_MS = 250;

    private final StreamsBuilderFactoryBean streams;
    private final KafkaAdmin kafkaAdmin;
    private final Duration wait;
    private final int partitions;
    private final UnappliedWrites unapplied;
    private volatile Admin admin;
    private ScheduledExecutorService sweeper;

    KafkaViewCatchUp(StreamsBuilderFactoryBean streams, KafkaAdmin kafkaAdmin, IntakeProperties properties,
                     PlatformProperties platform, UnappliedWrites unapplied) {
        this.streams = streams;
        this.kafkaAdmin = kafkaAdmin;
        this.wait = properties.readyWait();
        this.partitions = platform.topics().partitions();
        this.unapplied = unapplied;
    }

    @Override
    public synchronized void start() {
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "view-commits");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_EVERY_MS, SWEEP_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sweeper != null;
    }

    /** Drops from the overlay what the view's group has committed; a failed call is made again at the next tick. */
    void sweep() {
        if (!unapplied.awaitingCommit()) {
            return;
        }
        try {
            unapplied.committed(committedOffsets());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("Could not read the view's committed offsets; next time: {}", e.toString());
        }
    }

    /** The view's consumer group's committed offset of every partition it has committed. */
    Map<TopicPartition, Long> committedOffsets() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(group())
                .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private String group() {
        return streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
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
        String group = group();
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
        stop();
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
