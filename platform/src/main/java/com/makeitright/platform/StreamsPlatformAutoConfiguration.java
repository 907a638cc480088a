package com.makeitright.platform;

import com.makeitright.contract.TopicLayout;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import org.springframework.kafka.streams.RecoveringProcessingExceptionHandler;
import org.springframework.kafka.streams.RecoveringProductionExceptionHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

/**
 * Every service's Kafka Streams application runs exactly-once ({@code exactly_once_v2}: read-process-write,
 * state and offsets commit in one transaction). Records that cannot be read go straight to their dead-letter
 * topic; records that fail processing are retried a bounded number of times, then dead-lettered (see
 * {@link RetryingDeadLetterHandler}); an output record that cannot be written is skipped and its input dead-lettered
 * (see {@link DeadLetteringProductionHandler}). A crashed stream thread is replaced rather than left dead.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class) // so Boot sees @EnableKafkaStreams
@EnableKafkaStreams
@EnableConfigurationProperties(PlatformProperties.class)
public class StreamsPlatformAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamsPlatformAutoConfiguration.class);

    /**
     * Between the web server's start/stop (earlier) and its graceful-shutdown drain (later): on shutdown the drain,
     * then the streams, then the web server.
     */
    static final int STREAMS_PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 512;

    @Bean
    DeadLetterPolicy deadLetterPolicy(PlatformProperties properties) {
        return new DeadLetterPolicy(properties.deadLetter().maxAttempts());
    }

    /**
     * Failed attempts per record, on the compacted topic {@code <application id>.processing-attempts}, so the bound
     * holds across restarts and task moves; counts of finished records are swept every 30 s while there are any.
     */
    @Bean(destroyMethod = "close")
    ProcessingAttempts processingAttempts(KafkaProperties kafka, PlatformProperties properties,
                                          Environment environment) {
        String applicationId = environment.getProperty("spring.kafka.streams.application-id",
                environment.getRequiredProperty("spring.application.name"));
        return new ProcessingAttempts(applicationId, kafka.buildAdminProperties(),
                properties.topics().replicationFactor(), Duration.ofSeconds(30));
    }

    @Bean
    DeadLetters deadLetterTopics(Environment environment, ObjectProvider<MeterRegistry> meters) {
        return new DeadLetters(environment.getRequiredProperty("spring.application.name"),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer exactlyOnceWithDeadLetters(PlatformProperties properties,
                                                                   DeadLetterPolicy policy, DeadLetters deadLetters,
                                                                   ProcessingAttempts attempts,
                                                                   ObjectProvider<MeterRegistry> meters) {
        return factoryBean -> {
            Properties config = factoryBean.getStreamsConfiguration();
            config.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            short replicationFactor = properties.topics().replicationFactor();
            config.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
            // Changelogs and repartition topics take the contract topics' durability rule too.
            config.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                    TopicLayout.minInSyncReplicas(replicationFactor));
            // RocksDB off-heap memory bounded per process, not per store instance (see BoundedRocksDbMemory).
            config.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
            config.put(BoundedRocksDbMemory.BLOCK_CACHE_BYTES, properties.streams().rocksdbBlockCache().toBytes());
            config.put(BoundedRocksDbMemory.WRITE_BUFFER_BYTES, properties.streams().rocksdbWriteBuffer().toBytes());
            if (properties.streams().commitInterval() != null) {
                config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.streams().commitInterval().toMillis());
            }
            config.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                    RecoveringDeserializationExceptionHandler.class.getName());
            config.put(RecoveringDeserializationExceptionHandler.DLQ_DESTINATION_RESOLVER, deadLetters);
            config.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                    RetryingDeadLetterHandler.class.getName());
            config.put(RecoveringProcessingExceptionHandler.DLQ_DESTINATION_RESOLVER, deadLetters);
            config.put(RetryingDeadLetterHandler.POLICY, policy);
            config.put(RetryingDeadLetterHandler.ATTEMPTS, attempts);
            // An output record that cannot be written is skipped and its input dead-lettered, not retried forever.
            config.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                    DeadLetteringProductionHandler.class.getName());
            config.put(RecoveringProductionExceptionHandler.DLQ_DESTINATION_RESOLVER, deadLetters);
            MeterRegistry registry = meters.getIfAvailable();
            if (registry != null) {
                config.put(DeadLetteringProductionHandler.METER_REGISTRY, registry);
            }
            // A replaced or restarted thread's tasks wait for the old member's session to expire: keep it short.
            config.putIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
            config.putIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
            factoryBean.setStreamsConfiguration(config);
            // Too-large records fail their own send only, not the whole transaction (see SizeGuardedProducer).
            factoryBean.setClientSupplier(new SizeGuardedProducer.Supplier());
            // A restarted instance gets its partitions back at once, not after the old member's session expires.
            factoryBean.setLeaveGroupOnClose(true);
            // SIGTERM: the stream threads commit and stop within this, before the process exits.
            factoryBean.setCloseTimeout((int) properties.streams().closeTimeout().toSeconds());
            // Stop the streams only after the web server's graceful drain (and start them after the web server, as
            // before): by default they stop first, and requests served during the drain found no store (intake
            // answered a 503 to a POST it had accepted before the signal).
            factoryBean.setPhase(STREAMS_PHASE);
            factoryBean.setStreamsUncaughtExceptionHandler(exception -> {
                log.warn("Stream thread failed; replacing it: {}", exception.toString());
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            });
        };
    }

    @Bean
    KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
        KafkaStreamsHealthIndicator indicator = new KafkaStreamsHealthIndicator(factoryBean);
        factoryBean.setStateListener(indicator);
        return indicator;
    }

    /** Health component {@code kafka}: DOWN while no broker answers within 2 s (asked at most every 5 s). */
    @Bean
    KafkaBrokerHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaBrokerHealthIndicator(kafka.buildAdminProperties(), Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
