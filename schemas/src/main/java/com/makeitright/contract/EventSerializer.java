package com.makeitright.contract;

import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes an event as Avro single-object encoding: {@code C3 01}, the 8-byte little-endian CRC-64-AVRO
 * fingerprint of the writer schema, then the Avro binary body (layout in schemas/README.md).
 */
public final class EventSerializer<T extends SpecificRecord> implements Serializer<T> {

    static {
        AvroTrust.install();
    }

    /**
     * One encoder per event class for the whole JVM (thread-safe): building one fingerprints the schema (its
     * parsing canonical form), which must not happen per record, nor per serializer created on a record's path.
     */
    private static final Map<Class<?>, BinaryMessageEncoder<?>> ENCODERS = new ConcurrentHashMap<>();

    @Override
    public byte[] serialize(String topic, T event) {
        if (event == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoder(event).encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + event.getClass().getSimpleName() + " for " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> BinaryMessageEncoder<T> encoder(T event) {
        return (BinaryMessageEncoder<T>) ENCODERS.computeIfAbsent(event.getClass(),
                type -> new BinaryMessageEncoder<>(SpecificData.getForClass(type), event.getSchema()));
    }
}
