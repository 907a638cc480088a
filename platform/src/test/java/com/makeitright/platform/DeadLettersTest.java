package com.makeitright.platform;

import com.makeitright.contract.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {

    private final DeadLetters deadLetters = new DeadLetters("triage-service");

    @Test
    void aContractTopicsRecordGoesToThatTopicsDeadLetterTopicOnTheSamePartition() {
        TopicPartition destination = deadLetters.resolve(FailedRecord.at(Topics.COMPLAINTS_RECEIVED.name(), 2, 41),
                null, new IllegalStateException("boom"));

        assertThat(destination).isEqualTo(new TopicPartition("complaints.received.DLT", 2));
    }

    @Test
    void everyContractTopicHasItsOwnDestination() {
        Topics.ALL.forEach(topic -> assertThat(deadLetters.resolve(FailedRecord.at(topic.name(), 1, 0), null,
                new IllegalStateException("boom"))).isEqualTo(new TopicPartition(topic.deadLetterTopic(), 1)));
    }

    @Test
    void aRecordOfTheServicesInternalTopicGoesToTheServicesOwnDeadLetterTopic() {
        TopicPartition destination = deadLetters.resolve(
                FailedRecord.at("triage-service-KSTREAM-REPARTITION-0000000003-repartition", 5, 7), null,
                new IllegalStateException("boom"));

        // Internal topics may have another partition count: the producer picks the partition.
        assertThat(destination).isEqualTo(new TopicPartition("triage-service.DLT", -1));
    }

    @Test
    void everyDeadLetteredRecordIsCountedByTheTopicItCameFrom() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DeadLetters counted = new DeadLetters("triage-service", meters);

        counted.resolve(FailedRecord.at(Topics.COMPLAINTS_RECEIVED.name(), 0, 1), null, new IllegalStateException("a"));
        counted.resolve(FailedRecord.at(Topics.COMPLAINTS_RECEIVED.name(), 1, 9), null, new IllegalStateException("b"));

        assertThat(meters.get(DeadLetters.METRIC).tag("topic", "complaints.received")
                .tag("dead_letter_topic", "complaints.received.DLT").counter().count()).isEqualTo(2.0);
    }
}
