package com.makeitright.cli.tail;

import com.makeitright.contract.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicNamesTest {

    @Test
    void fullNames() {
        assertThat(TopicNames.resolve("complaints.received")).isEqualTo(Topics.COMPLAINTS_RECEIVED);
        assertThat(TopicNames.resolve("complaints.follow-up-due")).isEqualTo(Topics.FOLLOW_UP_DUE);
    }

    @Test
    void shortNamesAndAnyCase() {
        assertThat(TopicNames.resolve("received")).isEqualTo(Topics.COMPLAINTS_RECEIVED);
        assertThat(TopicNames.resolve("remedy-offered")).isEqualTo(Topics.REMEDY_OFFERED);
        assertThat(TopicNames.resolve(" Approvals ")).isEqualTo(Topics.APPROVALS);
    }

    @Test
    void everyContractTopicHasAShortName() {
        Topics.ALL.forEach(topic -> assertThat(TopicNames.resolve(TopicNames.shortName(topic))).isEqualTo(topic));
    }

    @Test
    void unknownTopicListsTheValidOnes() {
        assertThatThrownBy(() -> TopicNames.resolve("complaints.nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown topic 'complaints.nope'")
                .hasMessageContaining("received (complaints.received)")
                .hasMessageContaining("prevention-actions (complaints.prevention-actions)");
    }
}
