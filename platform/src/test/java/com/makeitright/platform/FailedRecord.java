package com.makeitright.platform;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;

import java.nio.charset.StandardCharsets;

/** Where a stream task was when a record failed, as Kafka Streams hands it to an exception handler. */
record FailedRecord(String topic, int partition, long offset, String key, String value) implements ErrorHandlerContext {

    static FailedRecord at(String topic, int partition, long offset) {
        return new FailedRecord(topic, partition, offset, "complaint-" + offset, "value-" + offset);
    }

    /** A punctuation (a wall-clock schedule) has no source record: no topic, no bytes. */
    static FailedRecord inPunctuation() {
        return new FailedRecord(null, -1, -1, null, null);
    }

    @Override
    public Headers headers() {
        return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
        return "KSTREAM-PROCESSOR-0000000001";
    }

    @Override
    public TaskId taskId() {
        return new TaskId(0, Math.max(partition, 0));
    }

    @Override
    public long timestamp() {
        return 1_700_000_000_000L;
    }

    @Override
    public byte[] sourceRawKey() {
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] sourceRawValue() {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
