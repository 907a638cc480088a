package com.makeitright.contract;

import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSerdeTest {

    static List<Topic<?>> topics() {
        return Topics.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void everyEventSurvivesARoundTripWithAllFieldsSet(Topic<?> topic) {
        roundTrip(topic, new RandomEvents(topic.name().hashCode(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void everyEventSurvivesARoundTripWithOptionalFieldsEmpty(Topic<?> topic) {
        for (int seed = 0; seed < 20; seed++) {
            roundTrip(topic, new RandomEvents(seed, true));
        }
    }

    private static <T extends SpecificRecord> void roundTrip(Topic<T> topic, RandomEvents random) {
        T event = random.next(topic.eventType());
        byte[] bytes = topic.serde().serializer().serialize(topic.name(), event);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(topic.schema()));

        T read = topic.serde().deserializer().deserialize(topic.name(), bytes);
        assertThat(read).isEqualTo(event);
    }

    @Test
    void theTopicDecidesTheEventTypeWhenNoneIsGiven() {
        var event = new RandomEvents(7, false).next(Topics.REMEDY_OFFERED.eventType());
        byte[] bytes = new EventSerializer<>().serialize(Topics.REMEDY_OFFERED.name(), event);

        assertThat(new EventDeserializer<>().deserialize(Topics.REMEDY_OFFERED.name(), bytes)).isEqualTo(event);
    }

    @Test
    void anUnknownFingerprintIsAClearErrorNamingIt() {
        var event = new RandomEvents(1, false).next(Topics.COMPLAINTS_RECEIVED.eventType());
        byte[] bytes = new EventSerializer<>().serialize("t", event);
        Arrays.fill(bytes, 2, 10, (byte) 0x11);

        assertThatThrownBy(() -> Topics.COMPLAINTS_RECEIVED.serde().deserializer()
                .deserialize(Topics.COMPLAINTS_RECEIVED.name(), bytes))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("complaints.received")
                .hasMessageContaining("unknown writer schema fingerprint 0x1111111111111111")
                .hasMessageContaining("not in the schema history");
    }

    @Test
    void bytesThatAreNotSingleObjectEncodedAreRejected() {
        assertThatThrownBy(() -> new EventDeserializer<>().deserialize(Topics.COMPLAINTS_RECEIVED.name(),
                "{\"json\":true}".getBytes()))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("not Avro single-object encoded");
    }

    @Test
    void aTruncatedBodyIsReportedAsCorrupt() {
        var event = new RandomEvents(3, false).next(Topics.COMPLAINTS_RESOLVED.eventType());
        byte[] bytes = new EventSerializer<>().serialize("t", event);
        byte[] truncated = Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> new EventDeserializer<>().deserialize(Topics.COMPLAINTS_RESOLVED.name(), truncated))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("corrupt ComplaintResolved body (writer schema ComplaintResolved v1)");
    }

    @Test
    void aTopicOutsideTheContractHasNoEventType() {
        assertThatThrownBy(() -> new EventDeserializer<>().deserialize("someone.elses.topic", new byte[12]))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("someone.elses.topic is not a contract topic");
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(new EventSerializer<>().serialize("t", null)).isNull();
        assertThat(new EventDeserializer<>().deserialize(Topics.COMPLAINTS_RECEIVED.name(), null)).isNull();
    }
}
