package com.makeitright.intake.status;

import com.makeitright.contract.Topics;
import com.makeitright.events.FollowUpKind;
import com.makeitright.testing.Events;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The state store keeps each event's topic and exact Avro bytes. */
class StoredEventsSerdeTest {

    @Test
    void writesAndReadsAComplaintsEvents() {
        String id = Events.newId();
        List<RecordedEvent> history = List.of(
                new RecordedEvent(Topics.COMPLAINTS_RECEIVED, Events.received(id).build()),
                new RecordedEvent(Topics.REMEDY_OFFERED, Events.offered(id).build()),
                new RecordedEvent(Topics.FOLLOW_UP_DUE, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build()));
        StoredEventsSerde serde = new StoredEventsSerde();

        List<RecordedEvent> read = serde.deserializer().deserialize("store",
                serde.serializer().serialize("store", history));

        assertThat(read).isEqualTo(history);
    }
}
