package com.makeitright.contract;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A contract topic and the one event type it carries. Records are keyed by complaint id.
 *
 * @param name      the topic name; only {@link Topics} spells it
 * @param eventType the generated Avro class of its events
 */
public record Topic<T extends SpecificRecord>(String name, Class<T> eventType) {

    /** Suffix of the dead-letter topic that receives records this topic's consumers could not handle. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public String deadLetterTopic() {
        return name + DEAD_LETTER_SUFFIX;
    }

    /** The current (writer) schema of this topic's event type. */
    public Schema schema() {
        return SpecificData.get().getSchema(eventType);
    }

    /** Event type name as in the schema history, e.g. {@code ComplaintReceived}. */
    public String eventName() {
        return eventType.getSimpleName();
    }

    /** A Kafka serde that writes and reads this topic's events in Avro single-object encoding. */
    public Serde<T> serde() {
        return Serdes.serdeFrom(new EventSerializer<>(), new EventDeserializer<>(eventType));
    }

    @Override
    public String toString() {
        return name;
    }
}
