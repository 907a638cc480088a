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

/** Configured figures in the order's currency, and a remedy's cost line by line. */
class FiguresTest {

    static final PolicyProperties DEFAULTS = new PolicyProperties();
    final Figures figures = new Figures(DEFAULTS);

    @Test
    void aFigureIsScaledByItsCurrencyFactor() {
        PolicyProperties yen = new PolicyProperties(null, Map.of("JPY", new BigDecimal("150")), null, null, null, null,
                null, null, null, null, null, null);

        assertThat(new Figures(yen).figure(new BigDecimal("50.00"), "JPY")).isEqualTo(Monies.of("7500.00", "JPY"));
        assertThat(new Figures(yen).figure(new BigDecimal("50.00"), "USD")).isEqualTo(usd("50.00"));
    }

    @Test
    void aComplaintWithoutAnOrderIsInTheDefaultCurrency() {
        assertThat(figures.currency(Complaint.ourError().noOrder().situation())).isEqualTo("USD");
        assertThat(figures.currency(Complaint.ourError().order("10.00", "EUR").situation())).isEqualTo("EUR");
    }

    @Test
    void aReplacementCostsItsGoodsShareAndAGiftItsValue() {
        List<Terms.Line> lines = figures.lines(Complaint.ourError().order("49.00").situation(), RemedyKind.REPLACEMENT,
                null, new Terms.Gesture("gift", usd("5.00")), "USD");

        assertThat(lines).containsExactly(new Terms.Line(CostCategory.GOODS_AT_COST, usd("19.60")),
                new Terms.Line(CostCategory.GIFT, usd("5.00")));
        assertThat(Figures.negotiable(RemedyKind.MEDIATION)).isFalse();
        assertThat(Figures.negotiable(RemedyKind.REPLACEMENT)).isTrue();
    }

    static Money usd(String amount) {
        return Monies.of(amount, "USD");
    }
}
