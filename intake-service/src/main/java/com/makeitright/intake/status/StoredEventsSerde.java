package com.makeitright.intake.status;

import com.makeitright.contract.EventSerializer;
import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A complaint's events in the state store and its changelog: a version byte, the count, then per event its
 * topic name and its bytes exactly as on the topic (Avro single-object encoding), so stored events stay
 * readable through every schema version, like the topics themselves.
 */
final class StoredEventsSerde implements Serde<List<RecordedEvent>> {

    private static final int FORMAT = 1;

    @Override
    public Serializer<List<RecordedEvent>> serializer() {
        EventSerializer<SpecificRecord> events = new EventSerializer<>();
        return (topic, history) -> {
            if (history == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512 * history.size());
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT);
                out.writeInt(history.size());
                for (RecordedEvent event : history) {
                    byte[] encoded = events.serialize(event.topic().name(), event.event());
                    out.writeUTF(event.topic().name());
                    out.writeInt(encoded.length);
                    out.write(encoded);
                }
            } catch (IOException e) {
                throw new SerializationException("cannot write the events of a complaint", e);
            }
            return bytes.toByteArray();
        };
    }

    @Override
    public Deserializer<List<RecordedEvent>> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                int format = in.readByte();
                if (format != FORMAT) {
                    throw new SerializationException("unknown stored-events format " + format);
                }
                int count = in.readInt();
                List<RecordedEvent> history = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String name = in.readUTF();
                    byte[] encoded = in.readNBytes(in.readInt());
                    Topic<?> source = Topics.byName(name)
                            .orElseThrow(() -> new SerializationException(name + " is not a contract topic"));
                    history.add(new RecordedEvent(source, source.serde().deserializer().deserialize(name, encoded)));
                }
                return history;
            } catch (IOException e) {
                throw new SerializationException("cannot read the events of a complaint", e);
            }
        };
    }
}
