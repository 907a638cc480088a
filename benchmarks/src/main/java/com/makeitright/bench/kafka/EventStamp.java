package com.makeitright.bench.kafka;

import com.makeitright.contract.Topics;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import org.apache.kafka.common.serialization.Deserializer;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The lifecycle fields every contract event carries: which complaint, which round, when it happened. */
public record EventStamp(String type, String complaintId, int round, Instant occurredAt) {

    /** One per contract topic: bounded by the topic registry. */
    private static final Map<String, Deserializer<? extends SpecificRecord>> DESERIALIZERS = new ConcurrentHashMap<>();

    /** Decodes a record of a contract topic (Avro single-object encoding) into its stamp. */
    public static EventStamp decode(String topic, byte[] value) {
        SpecificRecord event = DESERIALIZERS.computeIfAbsent(topic, name -> Topics.byName(name)
                .orElseThrow(() -> new IllegalArgumentException(name + " is not a contract topic"))
                .serde().deserializer()).deserialize(topic, value);
        Schema schema = event.getSchema();
        Object id = event.get(schema.getField("complaintId").pos());
        Object round = event.get(schema.getField("round").pos());
        Object at = event.get(schema.getField("occurredAt").pos());
        return new EventStamp(schema.getName(), String.valueOf(id), round instanceof Integer r ? r : 1,
                at instanceof Instant instant ? instant : Instant.ofEpochMilli(((Number) at).longValue()));
    }
}
