package com.makeitright.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the contract topics are laid out, how failing records are retried and how each service's Kafka Streams
 * client uses memory, shared by every service. Environment: {@code MAKEITRIGHT_KAFKA_TOPICS_PARTITIONS},
 * {@code MAKEITRIGHT_KAFKA_TOPICS_REPLICATION_FACTOR}, {@code MAKEITRIGHT_KAFKA_DEAD_LETTER_MAX_ATTEMPTS},
 * {@code MAKEITRIGHT_KAFKA_STREAMS_*}.
 */
@Validated
@ConfigurationProperties("makeitright.kafka")
public record PlatformProperties(@Valid @DefaultValue TopicSettings topics,
                                 @Valid @DefaultValue DeadLetter deadLetter,
                                 @Valid @DefaultValue StreamsSettings streams) {

    /**
     * @param partitions        partitions of every contract topic; all topics share it so one complaint's events
     *                          co-partition
     * @param replicationFactor replicas of every topic, internal Kafka Streams topics included; 1 fits a single
     *                          local broker
     * @param retention         how long events are kept; empty keeps them forever, since the topics are the system
     *                          of record
     */
    public record TopicSettings(@Min(1) @DefaultValue("3") int partitions,
                                @Min(1) @Max(7) @DefaultValue("1") short replicationFactor,
                                Duration retention) {
    }

    /** @param maxAttempts attempts at processing a record (each after a restart of the stream thread) before it is dead-lettered */
    public record DeadLetter(@Min(1) @Max(100) @DefaultValue("3") int maxAttempts) {
    }

    /**
     * RocksDB memory of all of a service's state stores together (Kafka Streams' default is a 50 MB block cache
     * and up to three 16 MB memtables per store and partition, so off-heap memory grew with the number of stores,
     * partitions and window segments).
     *
     * @param rocksdbBlockCache  one LRU block cache shared by every store of the process; index and filter blocks
     *                           are counted in it
     * @param rocksdbWriteBuffer memtables of every store together, charged to the same cache (so the total is
     *                           the block cache size)
     * @param commitInterval     how often a stream thread commits its transaction; empty keeps Kafka Streams'
     *                           exactly-once default (100 ms). Downstream services read committed records only,
     *                           so every hop waits for it: it dominates received-to-acknowledged latency.
     * @param closeTimeout       how long a shutdown (SIGTERM) waits for the stream threads to commit and stop; past
     *                           it the process exits anyway, and the open transaction is aborted (nothing is lost,
     *                           the records are processed again after the restart)
     */
    public record StreamsSettings(@NotNull @DefaultValue("16MB") DataSize rocksdbBlockCache,
                                  @NotNull @DefaultValue("8MB") DataSize rocksdbWriteBuffer,
                                  Duration commitInterval,
                                  @NotNull @DurationMin(seconds = 1) @DefaultValue("10s") Duration closeTimeout) {
    }
}
