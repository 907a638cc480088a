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

/** The first offer by cause (the full table is PolicyTableTest), and the explanation a supervisor falls back to. */
class OfferChoiceTest {

    final Figures figures = new Figures(FiguresTest.DEFAULTS);
    final OfferChoice choice = new OfferChoice(FiguresTest.DEFAULTS, figures,
            new CostOfInaction(FiguresTest.DEFAULTS, figures), new Gestures(FiguresTest.DEFAULTS, figures));

    @Test
    void ourErrorWithACalmCustomerIsReversedAndWeAskWhatWouldMakeItRight() {
        Terms terms = choice.choose(Complaint.ourError().calm().situation());

        assertThat(terms.kind()).isEqualTo(RemedyKind.REPLACEMENT);
        assertThat(terms.openQuestion()).isEqualTo(OfferChoice.OPEN_QUESTION);
        assertThat(terms.estimatedCost()).isEqualTo(Terms.total(terms.costLines(), "USD"));
    }

    @Test
    void theExplanationGivesNothingAndSaysWhy() {
        Terms explanation = choice.explanation(Complaint.unreasonable().hostile().situation());

        assertThat(explanation.kind()).isEqualTo(RemedyKind.POLICY_EXPLANATION);
        assertThat(explanation.gesture()).isNull();
        assertThat(explanation.reasoning().summary()).contains("no reward for hostility");
    }
}
