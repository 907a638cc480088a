package com.makeitright.platform;

import com.makeitright.contract.Monies;
import com.makeitright.events.Money;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSerdeTest {

    record Entry(String id, Instant at, Money amount, List<String> notes) {
    }

    private final Serde<Entry> serde = JsonSerde.of(Entry.class);

    @Test
    void aValueSurvivesTheRoundTripWithExactMoney() {
        Entry entry = new Entry("c-1", Instant.parse("2026-03-10T12:00:00Z"), Monies.of("12.50", "EUR"), List.of("a", "b"));

        byte[] bytes = serde.serializer().serialize("store", entry);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"amount\":{\"amount\":\"12.50\",\"currency\":\"EUR\"}")
                .contains("\"at\":\"2026-03-10T12:00:00Z\"");
        assertThat(serde.deserializer().deserialize("store", bytes)).isEqualTo(entry);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(serde.serializer().serialize("store", null)).isNull();
        assertThat(serde.deserializer().deserialize("store", null)).isNull();
    }

    @Test
    void propertiesOfANewerBuildAreIgnored() {
        byte[] newer = "{\"id\":\"c-2\",\"notes\":[],\"addedLater\":true}".getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("store", newer)).isEqualTo(new Entry("c-2", null, null, List.of()));
    }

    @Test
    void bytesThatAreNotJsonFailNamingTheTypeAndTopic() {
        byte[] garbage = {0, 1, 2, 'x'};

        assertThatThrownBy(() -> serde.deserializer().deserialize("followup-store-changelog", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot read Entry from 4 bytes of topic followup-store-changelog");
    }
}
