package com.makeitright.contract;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;

/**
 * Reads Avro single-object encoded events into the current generated class. The writer schema is found
 * by its fingerprint in the {@link SchemaHistory}, so records written by any released schema version stay
 * readable. Anything that cannot be read is an {@link EventDecodingException}, for the error handler to
 * dead-letter. Creating one is cheap: decoders are built once per event class (see {@link SchemaHistory}).
 *
 * <p>Without an explicit type, the event type is the one {@link Topics} declares for the record's topic.
 */
public final class EventDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    static {
        AvroTrust.install();
    }

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;
    private static final int HEADER_LENGTH = 10;

    private final Class<T> type;
    private final SchemaHistory history;

    /** Reads each topic's declared event type. */
    public EventDeserializer() {
        this(null, SchemaHistory.fromClasspath());
    }

    public EventDeserializer(Class<T> type) {
        this(type, SchemaHistory.fromClasspath());
    }

    EventDeserializer(Class<T> type, SchemaHistory history) {
        this.type = type;
        this.history = history;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Class<T> target = typeFor(topic);
        if (data.length < HEADER_LENGTH || data[0] != MARKER_0 || data[1] != MARKER_1) {
            throw new EventDecodingException(topic + ": record is not Avro single-object encoded"
                    + " (expected the marker C3 01 and an 8-byte schema fingerprint, got " + data.length + " bytes)");
        }
        try {
            return history.decoder(target).decode(data);
        } catch (MissingSchemaException | BadHeaderException e) {
            throw new EventDecodingException(topic + ": unknown writer schema fingerprint " + fingerprintOf(data)
                    + " for " + target.getSimpleName() + "; it is not in the schema history"
                    + " (was it written by a newer or foreign producer?)", e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException e) {
            throw new EventDecodingException(topic + ": corrupt " + target.getSimpleName() + " body (writer schema "
                    + history.byFingerprint(fingerprint(data)).map(SchemaHistory.Version::label).orElse("?")
                    + "): " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private Class<T> typeFor(String topic) {
        if (type != null) {
            return type;
        }
        return (Class<T>) Topics.byName(topic)
                .orElseThrow(() -> new EventDecodingException(topic + " is not a contract topic; no event type known"))
                .eventType();
    }

    static long fingerprint(byte[] data) {
        long value = 0;
        for (int i = 9; i >= 2; i--) {
            value = (value << 8) | (data[i] & 0xFFL);
        }
        return value;
    }

    private static String fingerprintOf(byte[] data) {
        return String.format("0x%016x", fingerprint(data));
    }
}
