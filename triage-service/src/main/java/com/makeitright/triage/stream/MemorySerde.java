package com.makeitright.triage.stream;

import com.makeitright.triage.memory.CustomerMemory;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/** The customer memory in its state store and changelog, as JSON (internal to triage, not a contract event). */
final class MemorySerde {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MemorySerde() {
    }

    static Serde<CustomerMemory> serde() {
        Serializer<CustomerMemory> serializer = (topic, memory) -> memory == null ? null : JSON.writeValueAsBytes(memory);
        Deserializer<CustomerMemory> deserializer = (topic, bytes) -> bytes == null ? null
                : JSON.readValue(bytes, CustomerMemory.class);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
