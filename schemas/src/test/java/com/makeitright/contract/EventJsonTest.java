package com.makeitright.contract;

import com.makeitright.events.ReopenedFrom;
import com.makeitright.events.Signal;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON lines of {@code ./complaints tail} and intake's request fingerprint: the same text as ever, byte for byte. */
class EventJsonTest {

    @Test
    void moneyIsAnExactPlainDecimal() {
        assertThat(EventJson.toJson(Monies.of(new BigDecimal("1E+3"), "EUR")))
                .isEqualTo("{\"amount\":1000.00,\"currency\":\"EUR\"}");
        assertThat(EventJson.toMap(Monies.of("12.50", "GBP")).get("amount")).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void textIsEscapedAsJsonNeedsAndNoMore() {
        Signal signal = Signal.newBuilder().setSignal("insult").setEvidence("\"you clowns\" \\ a/b\n\ttab é €")
                .setWeight(1.2).setIndicates("anger:HOSTILE").build();

        assertThat(EventJson.toJson(signal)).isEqualTo("{\"signal\":\"insult\",\"evidence\":"
                + "\"\\\"you clowns\\\" \\\\ a/b\\n\\ttab é €\",\"weight\":1.2,\"indicates\":\"anger:HOSTILE\"}");
    }

    @Test
    void nullsAndNumbersKeepTheirFieldOrder() {
        ReopenedFrom reopened = ReopenedFrom.newBuilder().setPreviousRound(1).setFollowUpEventId("f-1").setScore(null)
                .setComment(null).build();

        assertThat(EventJson.toJson(reopened)).startsWith("{\"previousRound\":1,\"followUpEventId\":\"f-1\",\"score\":null,"
                + "\"comment\":null");
    }

    @Test
    void aNonFiniteNumberIsNull() {
        Signal signal = Signal.newBuilder().setSignal("s").setEvidence("e").setWeight(Double.NaN).setIndicates("i").build();

        assertThat(EventJson.toJson(signal)).contains("\"weight\":null");
    }
}
