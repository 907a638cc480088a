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

        assertThat(topics).hasSize(2 * Topics.ALL.size() + 3);
        assertThat(topics).extracting(NewTopic::name)
                .contains("complaints.received", "complaints.received.DLT", "triage-service.DLT");
        assertThat(topics).filteredOn(topic -> !topic.name().equals(Topics.DEAD_LETTER_REPLAYS)
                && !topic.name().equals(Topics.CUSTOMER_DATA_KEYS)
                && !topic.name().equals(Topics.CONTACT_PREFERENCES.name())).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(3);
            assertThat(topic.configs()).containsEntry("retention.ms", "-1").containsEntry("min.insync.replicas", "1");
        });
    }

    @Test
    void theReplayLogIsCompactedSoNoReplayIsEverForgotten() {
        NewTopic replays = TopicLayout.newTopics(3, (short) 1, Duration.ofDays(30), List.of()).stream()
                .filter(topic -> topic.name().equals(Topics.DEAD_LETTER_REPLAYS)).findFirst().orElseThrow();

        assertThat(replays.numPartitions()).isEqualTo(1);
        assertThat(replays.configs()).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
    }

    @Test
    void theDataKeysAreCompactedAndNeverExpireByTimeSoOnlyAnErasureForgetsThem() {
        NewTopic keys = TopicLayout.newTopics(3, (short) 1, Duration.ofDays(30), List.of()).stream()
                .filter(topic -> topic.name().equals(Topics.CUSTOMER_DATA_KEYS)).findFirst().orElseThrow();

        assertThat(keys.numPartitions()).isEqualTo(3);
        assertThat(keys.configs()).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
    }

    @Test
    void theContactPreferencesAreCompactedAndNeverExpireButTheirDeadLettersDo() {
        List<NewTopic> topics = TopicLayout.newTopics(3, (short) 1, Duration.ofDays(30), List.of());
        NewTopic preferences = topics.stream()
                .filter(topic -> topic.name().equals(Topics.CONTACT_PREFERENCES.name())).findFirst().orElseThrow();
        NewTopic deadLetters = topics.stream()
                .filter(topic -> topic.name().equals(Topics.CONTACT_PREFERENCES.deadLetterTopic())).findFirst()
                .orElseThrow();

        assertThat(preferences.numPartitions()).isEqualTo(3);
        assertThat(preferences.configs()).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
        assertThat(deadLetters.configs()).containsEntry("retention.ms", String.valueOf(Duration.ofDays(30).toMillis()));
    }

    @Test
    void aRetentionAndMoreReplicasAreApplied() {
        NewTopic topic = TopicLayout.newTopics(6, (short) 3, Duration.ofDays(30), List.of()).get(0);

        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).containsEntry("retention.ms", String.valueOf(Duration.ofDays(30).toMillis()))
                .containsEntry("min.insync.replicas", "2");
    }

    @Test
    void oneBrokerCanBeLostWithoutStoppingWritesWhateverTheReplicationFactor() {
        assertThat(TopicLayout.minInSyncReplicas((short) 1)).isEqualTo(1);
        assertThat(TopicLayout.minInSyncReplicas((short) 2)).as("2 of 2 would stop writes when one is down")
                .isEqualTo(1);
        assertThat(TopicLayout.minInSyncReplicas((short) 3)).isEqualTo(2);
        assertThat(TopicLayout.minInSyncReplicas((short) 5)).isEqualTo(2);
        assertThat(TopicLayout.newTopics(3, (short) 2, null, List.of())).allSatisfy(topic ->
                assertThat(topic.configs()).containsEntry("min.insync.replicas", "1"));
    }
}
