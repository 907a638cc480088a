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

/** The cost of not making it right: customer value x churn x reach x cause, with its factors. */
class CostOfInactionTest {

    final CostOfInaction costOfInaction = new CostOfInaction(FiguresTest.DEFAULTS, new Figures(FiguresTest.DEFAULTS));

    @Test
    void anUpsetStandardCustomerByEmailRisksAQuarterOfTwiceTheOrder() {
        CostOfInaction.Inaction in = costOfInaction.of(Complaint.ourError().upset().order("49.00").situation());

        assertThat(in.costOfInaction()).isEqualTo(FiguresTest.usd("24.50"));
        assertThat(in.notes()).extracting(Terms.Note::name)
                .contains("orderValue", "tier", "customerSince", "history", "customerValue", "anger", "reach", "cause");
    }

    @Test
    void aPublicPostReachesFourTimesAsFarAndSuspectedAbuseIsNotOursToWinBack() {
        assertThat(costOfInaction.of(Complaint.ourError().upset().via(Channel.SOCIAL_MEDIA).order("49.00").situation())
                .costOfInaction()).isEqualTo(FiguresTest.usd("98.00"));
        assertThat(costOfInaction.of(Complaint.suspectedAbuse().upset().order("49.00").situation())
                .costOfInaction()).isEqualTo(FiguresTest.usd("0.00"));
    }
}
