package com.makeitright.remedy.negotiation;

import com.makeitright.contract.Monies;
import com.makeitright.events.Money;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * State-store values as JSON: readable in a changelog dump, and tolerant of fields added later. Money keeps its
 * exact decimal as a string.
 */
final class JsonSerde {

    static final JsonMapper MAPPER = JsonMapper.builder().addModule(moneyModule()).build();

    private JsonSerde() {
    }

    static <T> Serde<T> of(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : MAPPER.writeValueAsBytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : MAPPER.readValue(bytes, type);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static SimpleModule moneyModule() {
        SimpleModule module = new SimpleModule("exact-money");
        module.addSerializer(Money.class, new ValueSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializationContext context) {
                gen.writeStartObject();
                gen.writeStringProperty("amount", value.getAmount().toPlainString());
                gen.writeStringProperty("currency", value.getCurrency());
                gen.writeEndObject();
            }
        });
        module.addDeserializer(Money.class, new ValueDeserializer<>() {
            @Override
            public Money deserialize(JsonParser parser, DeserializationContext context) {
                JsonNode node = context.readTree(parser);
                return Monies.of(node.get("amount").asString(), node.get("currency").asString());
            }
        });
        return module;
    }
}
