package com.makeitright.intake.status;

import com.makeitright.contract.Topics;
import com.makeitright.events.FollowUpKind;
import com.makeitright.testing.Events;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One store entry keeps an event's topic, its id and its exact Avro bytes. */
class StoredEventsSerdeTest {

    @Test
    void writesAndReadsEachEventOfAComplaint() {
        String id = Events.newId();
        List<RecordedEvent> history = List.of(
                new RecordedEvent(Topics.COMPLAINTS_RECEIVED, Events.received(id).build()),
                new RecordedEvent(Topics.REMEDY_OFFERED, Events.offered(id).build()),
                new RecordedEvent(Topics.FOLLOW_UP_DUE, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build()));

        for (RecordedEvent event : history) {
            byte[] avro = StoredEventsSerde.avro(event.topic(), event.event());
            byte[] entry = StoredEventsSerde.entry(event.topic().name(), event.eventId(), avro);

            assertThat(StoredEventsSerde.readEntry(entry)).isEqualTo(event);
            assertThat(StoredEventsSerde.eventIdOf(entry)).isEqualTo(event.eventId());
            assertThat(StoredEventsSerde.decode(event.topic().name(), avro)).isEqualTo(event);
        }
    }
}
