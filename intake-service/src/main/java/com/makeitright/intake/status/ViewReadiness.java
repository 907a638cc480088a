package com.makeitright.intake.status;

import com.makeitright.intake.IntakeProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the status view may be trusted for decisions. After a start the store is restored from its
 * changelog, but events published while intake was down (or acknowledged just before a crash) are only in
 * the topics. So intake takes the last stable offset of every source partition once its stream runs, and waits
 * until its stream application has committed past all of them (Streams commits the consumer position, which
 * skips transaction markers). Until then an idempotent retry could be mistaken for a new complaint, so
 * requests wait (bounded by {@code makeitright.intake.ready-wait}). Also a health indicator ({@code statusView}).
 */
@Component("statusView")
class ViewReadiness implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ViewReadiness.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(200);

    private final StreamsBuilderFactoryBean streams;
    private final KafkaAdmin kafkaAdmin;
    private final IntakeProperties properties;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "status-view-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private final long startedNanos = System.nanoTime();
    private Admin admin;
    private Map<TopicPartition, Long> catchUpTarget;
    private volatile String progress = "stream not running yet";

    ViewReadiness(StreamsBuilderFactoryBean streams, KafkaAdmin kafkaAdmin, IntakeProperties properties) {
        this.streams = streams;
        this.kafkaAdmin = kafkaAdmin;
        this.properties = properties;
        checker.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Completes at once when ready, else when it becomes ready; fails with {@link ViewUnavailable} after the wait. */
    Mono<Void> ready() {
        if (ready.isDone()) {
            return Mono.empty();
        }
        return Mono.fromFuture(ready, true)
                .timeout(properties.readyWait())
                .onErrorMap(TimeoutException.class, e -> new ViewUnavailable(
                        "The status view is not ready yet (" + progress + "); retry shortly", e));
    }

    boolean isReady() {
        return ready.isDone();
    }

    private void check() {
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null || running.state() != KafkaStreams.State.RUNNING) {
            progress = "stream " + (running == null ? "not started" : running.state().name());
            return;
        }
        try {
            if (admin == null) {
                admin = Admin.create(kafkaAdmin.getConfigurationProperties());
            }
            if (catchUpTarget == null) {
                catchUpTarget = lastStableOffsets();
            }
            String applicationId = streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            List<TopicPartition> behind = catchUpTarget.entrySet().stream()
                    .filter(target -> target.getValue() > 0)
                    .filter(target -> committed.get(target.getKey()) == null
                            || committed.get(target.getKey()).offset() < target.getValue())
                    .map(Map.Entry::getKey).toList();
            if (behind.isEmpty()) {
                open("caught up with " + catchUpTarget.size() + " partitions");
            } else if (Duration.ofNanos(System.nanoTime() - startedNanos).compareTo(properties.catchUpLimit()) > 0) {
                log.warn("The status view has not caught up with {} within {}; serving it anyway", behind,
                        properties.catchUpLimit());
                open("catch-up limit reached");
            } else {
                progress = "catching up with " + behind.size() + " partitions";
            }
        } catch (Exception e) {
            // The broker is briefly unreachable: the next check tries again; requests wait meanwhile.
            progress = "cannot check progress: " + e;
            log.debug("Catch-up check failed; retrying", e);
        }
    }

    private Map<TopicPartition, Long> lastStableOffsets() throws Exception {
        Map<String, TopicDescription> topics = admin.describeTopics(
                StatusViewTopology.SOURCES.stream().map(t -> t.name()).toList()).allTopicNames().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        topics.values().forEach(topic -> topic.partitions().forEach(
                p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(10, TimeUnit.SECONDS).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private void open(String why) {
        progress = "ready: " + why;
        log.info("The status view is ready: {}", why);
        ready.complete(null);
        checker.shutdown();
        closeAdmin();
    }

    private void closeAdmin() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }

    @Override
    public Health health() {
        return (isReady() ? Health.up() : Health.down()).withDetail("progress", progress).build();
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
        try {
            checker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAdmin();
    }
}
