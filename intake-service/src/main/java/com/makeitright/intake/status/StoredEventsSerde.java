package com.makeitright.intake.status;

import com.makeitright.contract.EventDeserializer;
import com.makeitright.contract.EventSerializer;
import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;

/**
 * One event in the state store, its changelog and intake's memory: a version byte, the topic name, the event id,
 * then the event's bytes exactly as on the topic (Avro single-object encoding), so stored events stay readable
 * through every schema version, like the topics themselves.
 *
 * <p>One encoder and one decoder for everything: Avro's message codecs compute the schema fingerprints when they
 * are built, so building one per record (as a fresh {@code topic.serde()} does) put
 * {@code SchemaNormalization.toParsingForm} on the stream thread's hot path. Both are thread-safe.
 */
final class StoredEventsSerde {

    private static final int FORMAT = 2;
    private static final EventSerializer<SpecificRecord> ENCODER = new EventSerializer<>();
    private static final EventDeserializer<SpecificRecord> DECODER = new EventDeserializer<>();

    private StoredEventsSerde() {
    }

    /** The event as the topic carries it. */
    static byte[] avro(Topic<?> topic, SpecificRecord event) {
        return ENCODER.serialize(topic.name(), event);
    }

    /** Decodes bytes read from a contract topic (the topic decides the event type). */
    static RecordedEvent decode(String topicName, byte[] avro) {
        Topic<?> topic = Topics.byName(topicName)
                .orElseThrow(() -> new SerializationException(topicName + " is not a contract topic"));
        return new RecordedEvent(topic, DECODER.deserialize(topicName, avro));
    }

    static byte[] entry(String topicName, String eventId, byte[] avro) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(avro.length + 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(topicName);
            out.writeUTF(eventId);
            out.write(avro);
        } catch (IOException e) {
            throw new SerializationException("cannot write a stored event", e);
        }
        return bytes.toByteArray();
    }

    static RecordedEvent readEntry(byte[] entry) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry))) {
            checkFormat(in.readByte());
            String topic = in.readUTF();
            in.readUTF();
            return decode(topic, in.readAllBytes());
        } catch (IOException e) {
            throw new SerializationException("cannot read a stored event", e);
        }
    }

    /** The event id of an entry, without decoding the event. */
    static String eventIdOf(byte[] entry) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry))) {
            checkFormat(in.readByte());
            in.readUTF();
            return in.readUTF();
        } catch (IOException e) {
            throw new SerializationException("cannot read a stored event", e);
        }
    }

    private static void checkFormat(int format) {
        if (format != FORMAT) {
            throw new SerializationException("unknown stored-event format " + format);
        }
    }
}
