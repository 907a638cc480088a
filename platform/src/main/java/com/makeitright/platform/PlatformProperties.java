package com.makeitright.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the contract topics are laid out and how failing records are retried, shared by every service.
 * Environment: {@code MAKEITRIGHT_KAFKA_TOPICS_PARTITIONS}, {@code MAKEITRIGHT_KAFKA_TOPICS_REPLICATION_FACTOR},
 * {@code MAKEITRIGHT_KAFKA_DEAD_LETTER_MAX_ATTEMPTS}.
 */
@Validated
@ConfigurationProperties("makeitright.kafka")
public class PlatformProperties {

    @Valid
    private final TopicSettings topics = new TopicSettings();
    @Valid
    private final DeadLetter deadLetter = new DeadLetter();

    public TopicSettings getTopics() {
        return topics;
    }

    public DeadLetter getDeadLetter() {
        return deadLetter;
    }

    public static class TopicSettings {
        /** Partitions of every contract topic; all topics share it so one complaint's events co-partition. */
        @Min(1)
        private int partitions = 3;
        /** Replicas of every topic, internal Kafka Streams topics included. 1 fits a single local broker. */
        @Min(1)
        @Max(7)
        private short replicationFactor = 1;
        /** How long events are kept; empty keeps them forever, since the topics are the system of record. */
        private Duration retention;

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }

        public short getReplicationFactor() {
            return replicationFactor;
        }

        public void setReplicationFactor(short replicationFactor) {
            this.replicationFactor = replicationFactor;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }
    }

    public static class DeadLetter {
        /** Attempts at processing a record (each after a restart of the stream thread) before it is dead-lettered. */
        @Min(1)
        @Max(100)
        private int maxAttempts = 3;

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }
    }
}
