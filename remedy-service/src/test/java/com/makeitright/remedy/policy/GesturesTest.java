package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.Channel;
import com.makeitright.events.CostCategory;
import com.makeitright.events.Money;
import com.makeitright.events.RemedyKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How large a gesture is, and how it grows after a decline. */
class GesturesTest {

    final Gestures gestures = new Gestures(FiguresTest.DEFAULTS, new Figures(FiguresTest.DEFAULTS));

    @Test
    void aGestureIsAShareOfWhatIsLeftUnrepairedBetweenMinAndMax() {
        Situation s = Complaint.ourError().situation();

        assertThat(gestures.size(s, FiguresTest.usd("100.00"), FiguresTest.usd("20.00"), false).gesture().value())
                .isEqualTo(FiguresTest.usd("8.00"));
        assertThat(gestures.size(s, FiguresTest.usd("20.00"), FiguresTest.usd("20.00"), true).gesture().value())
                .as("at least the minimum").isEqualTo(FiguresTest.usd("5.00"));
        assertThat(gestures.size(s, FiguresTest.usd("9000.00"), FiguresTest.usd("20.00"), true).gesture().value())
                .as("at most the maximum").isEqualTo(FiguresTest.usd("50.00"));
    }

    @Test
    void aReopenedRoundDoublesItAndTheNoteSaysSo() {
        Gestures.Sized sized = gestures.size(Complaint.ourError().reopened().situation(), FiguresTest.usd("100.00"),
                FiguresTest.usd("20.00"), false);

        assertThat(sized.gesture().value()).isEqualTo(FiguresTest.usd("16.00"));
        assertThat(sized.note().effect()).contains("x2 for a reopened round");
    }

    @Test
    void eachDeclineRaisesTheGestureByTheStep() {
        Terms declined = AuthorityRuleTest.terms(RemedyKind.REPLACEMENT, "20.00");

        assertThat(gestures.raised(declined).value()).isEqualTo(FiguresTest.usd("10.00"));
    }
}
