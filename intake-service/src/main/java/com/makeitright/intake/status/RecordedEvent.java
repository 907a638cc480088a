package com.makeitright.intake.status;

import com.makeitright.contract.Topic;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;

/**
 * One contract event as the status view keeps it: the topic it was read from and the decoded event.
 * The envelope fields every event carries are read by name, so this works for every event type.
 */
public record RecordedEvent(Topic<?> topic, SpecificRecord event) {

    public RecordedEvent {
        if (!topic.eventType().isInstance(event)) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not carried by " + topic);
        }
    }

    public String eventId() {
        return (String) field("eventId");
    }

    public String complaintId() {
        return (String) field("complaintId");
    }

    public Instant occurredAt() {
        return (Instant) field("occurredAt");
    }

    /** The event that caused it; null for a complaint that came in over HTTP. */
    public String causationId() {
        return (String) field("causationId");
    }

    public int round() {
        Object round = field("round");
        return round == null ? 1 : (Integer) round;
    }

    /** The event's type name, e.g. {@code RemedyOffered}. */
    public String type() {
        return topic.eventName();
    }

    private Object field(String name) {
        Schema.Field field = event.getSchema().getField(name);
        return field == null ? null : event.get(field.pos());
    }
}
