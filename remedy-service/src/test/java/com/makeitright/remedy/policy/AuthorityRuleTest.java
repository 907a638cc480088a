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

/** Who may grant a remedy, by its cost against each level's limit. */
class AuthorityRuleTest {

    final AuthorityRule authority = new AuthorityRule(FiguresTest.DEFAULTS, new Figures(FiguresTest.DEFAULTS));

    @Test
    void theCostDecidesTheLevel() {
        assertThat(authority.of(terms(RemedyKind.REFUND_PARTIAL, "50.00"))).isEqualTo(new RemedyPolicy.Authority(AuthorityLevel.AGENT, false));
        assertThat(authority.of(terms(RemedyKind.REFUND_PARTIAL, "50.01")).level()).isEqualTo(AuthorityLevel.SUPERVISOR);
        assertThat(authority.of(terms(RemedyKind.REFUND_FULL, "500.01"))).isEqualTo(new RemedyPolicy.Authority(AuthorityLevel.OWNER, true));
    }

    @Test
    void mediationFollowsFromPolicyWhateverItCosts() {
        assertThat(authority.of(terms(RemedyKind.MEDIATION, "900.00")).approvalRequired()).isFalse();
    }

    static Terms terms(RemedyKind kind, String cost) {
        Money money = FiguresTest.usd(cost);
        return new Terms(kind, "", money, null, null, money, List.of(new Terms.Line(CostCategory.REFUND, money)),
                AuthorityLevel.AGENT, false, new Terms.Why(money, money, List.of(), ""));
    }
}
