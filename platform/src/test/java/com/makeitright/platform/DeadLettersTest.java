package com.makeitright.platform;

import com.makeitright.contract.Topics;
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
}
