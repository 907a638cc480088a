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

/** A counter-proposal is granted when within reason, else refused with the reason. */
class CountersTest {

    final Counters counters = new Counters(FiguresTest.DEFAULTS, new Figures(FiguresTest.DEFAULTS));
    final Situation paid49 = Complaint.ourError().order("49.00").situation();
    final Terms replacement = AuthorityRuleTest.terms(RemedyKind.REPLACEMENT, "19.60");

    @Test
    void aPartialRefundWithinWhatWasPaidIsGrantedAsTheCustomersTerms() {
        RemedyPolicy.CounterVerdict verdict = counters.judge(paid49,
                new RemedyPolicy.Counter(RemedyKind.REFUND_PARTIAL, FiguresTest.usd("30.00"), "half"), replacement);

        assertThat(verdict.granted()).isTrue();
        assertThat(verdict.terms().fromCustomer()).isTrue();
        assertThat(verdict.terms().estimatedCost()).isEqualTo(FiguresTest.usd("30.00"));
    }

    @Test
    void moreThanWasPaidAnotherCurrencyOrARefundBeforeInspectionIsRefused() {
        assertThat(counters.judge(paid49, new RemedyPolicy.Counter(RemedyKind.REFUND_PARTIAL, FiguresTest.usd("90.00"), null),
                replacement).refusal()).contains("more than the 49.00 USD paid");
        assertThat(counters.judge(paid49, new RemedyPolicy.Counter(RemedyKind.REFUND_PARTIAL, Monies.of("9.00", "EUR"), null),
                replacement).refusal()).contains("asked in EUR");
        assertThat(counters.judge(paid49, new RemedyPolicy.Counter(RemedyKind.REFUND_FULL, null, null),
                AuthorityRuleTest.terms(RemedyKind.INSPECTION, "10.00")).refusal()).contains("before the item is inspected");
    }
}
