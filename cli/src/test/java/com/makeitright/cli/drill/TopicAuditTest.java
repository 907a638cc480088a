package com.makeitright.cli.drill;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.testing.Events;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the drill counts as decided twice: a milestone of a round, or an answer to one satisfaction check. */
class TopicAuditTest {

    private final String complaint = UUID.randomUUID().toString();
    private final String other = UUID.randomUUID().toString();

    @Test
    void oneSatisfactionCheckAnsweredTwiceIsCountedOnce() {
        String check = UUID.randomUUID().toString();
        TopicAudit audit = new TopicAudit();
        // drill run U: the same check of round 2 answered under two event ids
        audit.fold(Topics.FOLLOW_UP_OUTCOMES, encode(Topics.FOLLOW_UP_OUTCOMES,
                Events.followUpCompleted(complaint, false).setRound(1).build(),
                Events.followUpCompleted(complaint, true).setRound(2).setCausationId(check).build(),
                Events.followUpCompleted(complaint, true).setRound(2).setCausationId(check).build(),
                Events.followUpCompleted(other, true).setCausationId(check).build()));

        assertThat(audit.duplicates()).isZero(); // no event id twice: not an exact copy
        assertThat(audit.milestonesTwice(List.of(complaint, other)))
                .containsExactly(Topics.FOLLOW_UP_OUTCOMES.name() + " " + complaint + "#" + check + " x2");
        assertThat(audit.milestonesTwice(List.of(other))).isEmpty();
    }

    @Test
    void twoAnswersToTwoChecksAndAnExactCopyAreNotDecidedTwice() {
        var answer = Events.followUpCompleted(complaint, true).build();
        TopicAudit audit = new TopicAudit();
        audit.fold(Topics.FOLLOW_UP_OUTCOMES, encode(Topics.FOLLOW_UP_OUTCOMES, answer, answer,
                Events.followUpCompleted(complaint, true).build()));
        audit.fold(Topics.COMPLAINTS_RESOLVED, encode(Topics.COMPLAINTS_RESOLVED,
                Events.resolved(complaint).build(), Events.resolved(complaint).setRound(2).build()));

        assertThat(audit.duplicates()).isEqualTo(1);
        assertThat(audit.milestonesTwice(List.of(complaint))).isEmpty();
    }

    @SafeVarargs
    private static <T extends SpecificRecord> List<byte[]> encode(Topic<T> topic, T... events) {
        try (Serializer<T> serializer = topic.serde().serializer()) {
            return Arrays.stream(events).map(event -> serializer.serialize(topic.name(), event)).toList();
        }
    }
}
