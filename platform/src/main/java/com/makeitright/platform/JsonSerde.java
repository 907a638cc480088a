package com.makeitright.platform;

import com.makeitright.contract.Monies;
import com.makeitright.events.Money;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON values for a service's own state stores and their changelogs (internal topics, never part of the contract):
 * readable in a changelog dump, through Jackson. Null stays null (a tombstone). Unknown properties are ignored, so
 * that a newer build's entries stay readable after a rollback. {@link Money} is written as its exact decimal in a
 * string with its currency ({@code {"amount":"12.50","currency":"EUR"}}), never as a binary float. Bytes that are
 * not such JSON fail with a {@link SerializationException} naming the type and the topic.
 */
public final class JsonSerde {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(exactMoney())
            .build();

    private JsonSerde() {
    }

    /** A serde of {@code type} (a record or bean; {@link Money} fields allowed) as JSON. */
    public static <T> Serde<T> of(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return MAPPER.writeValueAsBytes(value);
            } catch (JacksonException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON for topic " + topic, e);
            }
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return MAPPER.readValue(bytes, type);
            } catch (JacksonException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from " + bytes.length
                        + " bytes of topic " + topic + ": " + e.getOriginalMessage(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static SimpleModule exactMoney() {
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
