package com.makeitright.cli.dlt;

import com.makeitright.contract.Topics;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One record of a dead-letter topic, read back with what the platform wrote beside it: the {@code kafka_dlt-*}
 * headers of Spring Kafka's dead-letter record manager (original topic, partition, offset, timestamp; exception
 * class and message), the original key, value bytes and headers.
 *
 * @param deadLetterTopic   e.g. {@code complaints.received.DLT}
 * @param partition         the record's partition in the dead-letter topic
 * @param offset            the record's offset in the dead-letter topic
 * @param deadLetteredAt    when it was dead-lettered (the dead-letter record's timestamp)
 * @param originalTopic     where it came from ({@code null} when the header is missing)
 * @param originalPartition its partition there, or -1
 * @param originalOffset    its offset there, or -1
 * @param exceptionClass    the exception's class name, or {@code null}
 * @param exceptionMessage  the exception's message, or {@code null}
 * @param eventId           the Avro event's {@code eventId} when the value decodes, else {@code null}
 */
public record DeadLetter(String deadLetterTopic, int partition, long offset, Instant deadLetteredAt,
                         String originalTopic, int originalPartition, long originalOffset,
                         String key, byte[] value, Headers headers,
                         String exceptionClass, String exceptionMessage, String eventId) {

    /** Every header the dead-letter path adds starts with this; none of them goes back to the source topic. */
    static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    /** Set by the platform's production handler when it left out a value too large to write (its size). */
    static final String OMITTED_VALUE = "makeitright_dlt-omitted-value-bytes";

    static DeadLetter from(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                text(headers, ORIGINAL_TOPIC), (int) number(headers, ORIGINAL_PARTITION), number(headers, ORIGINAL_OFFSET),
                record.key(), record.value(), headers,
                text(headers, EXCEPTION_FQCN), text(headers, EXCEPTION_MESSAGE), eventId(record));
    }

    /** How an operator names it: its place in the dead-letter topic, e.g. {@code 2@17}. */
    public String id() {
        return partition + "@" + offset;
    }

    /** The key of its entry in the replay log: unique per dead-letter record, stable across runs. */
    public String replayKey() {
        return deadLetterTopic + "-" + id();
    }

    /** Where it is sent back to: the original topic, or the contract topic the dead-letter topic belongs to. */
    public String sourceTopic() {
        if (originalTopic != null) {
            return originalTopic;
        }
        return Topics.byDeadLetterName(deadLetterTopic).map(topic -> topic.name())
                .orElseThrow(() -> new IllegalStateException(deadLetterTopic + "-" + id()
                        + " has no " + ORIGINAL_TOPIC + " header: cannot tell where it came from"));
    }

    /**
     * {@code topic-partition@offset} it had before it was dead-lettered, {@code topic (not written)} for an output
     * record the platform could not write, or {@code ?} when unknown.
     */
    public String original() {
        if (originalTopic == null) {
            return "?";
        }
        if (originalOffset < 0) { // an output record that could not be written: it never had an offset
            return originalTopic + " (not written)";
        }
        return originalTopic + "-" + originalPartition + "@" + originalOffset;
    }

    /** The exception's simple class name and message, e.g. {@code IllegalStateException: cannot triage c-1}. */
    public String reason() {
        if (exceptionClass == null) {
            return exceptionMessage == null ? "?" : exceptionMessage;
        }
        String simple = exceptionClass.substring(exceptionClass.lastIndexOf('.') + 1);
        return exceptionMessage == null ? simple : simple + ": " + exceptionMessage;
    }

    /** Whether the operator chose this record with {@code --id}: its {@link #id()} or its event id. */
    boolean matches(String chosen) {
        String typed = chosen.trim();
        return typed.equals(id()) || typed.equalsIgnoreCase(eventId == null ? "" : eventId);
    }

    /** Whether the value was left out (too large to keep): replaying the key alone would write a tombstone. */
    public boolean valueOmitted() {
        return headers.lastHeader(OMITTED_VALUE) != null;
    }

    /** The original headers, without what the dead-letter path added. */
    Headers replayHeaders() {
        RecordHeaders original = new RecordHeaders();
        for (Header header : headers) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX) && !header.key().startsWith("makeitright_dlt-")) {
                original.add(header.key(), header.value());
            }
        }
        return original;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring Kafka writes partition as a 4-byte and offset as an 8-byte big-endian number; text is tolerated. */
    private static long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return -1;
        }
        byte[] bytes = header.value();
        if (bytes.length == Integer.BYTES) {
            return ByteBuffer.wrap(bytes).getInt();
        }
        if (bytes.length == Long.BYTES) {
            return ByteBuffer.wrap(bytes).getLong();
        }
        try {
            return Long.parseLong(new String(bytes, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    /** A poison record does not decode; that is often why it is here, so no event id is not an error. */
    private static String eventId(ConsumerRecord<String, byte[]> record) {
        String topic = text(record.headers(), ORIGINAL_TOPIC);
        var contract = topic != null ? Topics.byName(topic) : Topics.byDeadLetterName(record.topic());
        if (contract.isEmpty() || record.value() == null) {
            return null;
        }
        try {
            Object event = contract.get().serde().deserializer().deserialize(contract.get().name(), record.value());
            Object id = event instanceof GenericRecord generic && generic.getSchema().getField("eventId") != null
                    ? generic.get("eventId") : null;
            return id == null ? null : id.toString();
        } catch (RuntimeException undecodable) {
            return null;
        }
    }
}
