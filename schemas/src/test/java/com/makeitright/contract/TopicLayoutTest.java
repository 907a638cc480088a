package com.makeitright.contract;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopicLayoutTest {

    @Test
    void everyContractTopicHasItsDeadLetterTopicAndEachServiceItsOwn() {
        List<NewTopic> topics = TopicLayout.newTopics(3, (short) 1, null, List.of("triage-service"));

        assertThat(topics).hasSize(2 * Topics.ALL.size() + 1);
        assertThat(topics).extracting(NewTopic::name)
                .contains("complaints.received", "complaints.received.DLT", "triage-service.DLT");
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(3);
            assertThat(topic.configs()).containsEntry("retention.ms", "-1").containsEntry("min.insync.replicas", "1");
        });
    }

    @Test
    void aRetentionAndMoreReplicasAreApplied() {
        NewTopic topic = TopicLayout.newTopics(6, (short) 3, Duration.ofDays(30), List.of()).get(0);

        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).containsEntry("retention.ms", String.valueOf(Duration.ofDays(30).toMillis()))
                .containsEntry("min.insync.replicas", "2");
    }
}
