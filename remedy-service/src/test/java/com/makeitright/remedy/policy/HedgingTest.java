package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.Cause;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RootCause;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first offer when triage is unsure of the cause, or part of the work was never delivered ({@link Hedging}). */
class HedgingTest {

    final Figures figures = new Figures(FiguresTest.DEFAULTS);
    final OfferChoice choice = new OfferChoice(FiguresTest.DEFAULTS, figures,
            new CostOfInaction(FiguresTest.DEFAULTS, figures), new Gestures(FiguresTest.DEFAULTS, figures));

    @Test
    void aConfidentCauseIsNotHedged() {
        Terms terms = choice.choose(Complaint.unreasonable().upset().confidence(0.9).runnerUp(Cause.OUR_ERROR, 0.05).situation());

        assertThat(terms.kind()).isEqualTo(RemedyKind.POLICY_EXPLANATION);
        assertThat(terms.minimumAuthority()).isEqualTo(AuthorityLevel.AGENT);
        assertThat(terms.reasoning().factors()).noneMatch(n -> n.name().equals("causeUncertain"));
    }

    @Test
    void anUnfinishedJobReadAsOurErrorButWithDoubtIsRefundedProRataNotExplainedAway() {
        // Our error is likelier: leaving it unrepaired would cost its churn and the refund it owes anyway.
        Terms terms = choice.choose(Complaint.ourError().upset().order("1200.00").completed("0.5").root(RootCause.SERVICE_QUALITY)
                .confidence(0.5).runnerUp(Cause.UNREASONABLE, 0.4).situation());

        assertThat(terms.kind()).isEqualTo(RemedyKind.REFUND_PRORATED);
        assertThat(terms.amount()).isEqualTo(Monies.of("600.00", "USD"));
        assertThat(terms.openQuestion()).isEqualTo(OfferChoice.OPEN_QUESTION);
        assertThat(terms.minimumAuthority()).as("marked for a supervisor's review").isEqualTo(AuthorityLevel.SUPERVISOR);
        assertThat(terms.reasoning().factors()).anySatisfy(n -> {
            assertThat(n.name()).isEqualTo("causeUncertain");
            assertThat(n.value()).contains("OUR_ERROR 50%").contains("UNREASONABLE 40%");
        });
        assertThat(terms.reasoning().factors()).extracting(Terms.Note::name)
                .contains("option.REFUND_PRORATED", "option.POLICY_EXPLANATION", "proRatedRefund");
        assertThat(terms.reasoning().summary()).contains("unsure of the cause");
    }

    @Test
    void whenOurErrorIsOnlyTheRunnerUpTheProRatedRefundIsStillWeighedAndShown() {
        Terms terms = choice.choose(Complaint.unreasonable().upset().order("1200.00").completed("0.5")
                .confidence(0.55).runnerUp(Cause.OUR_ERROR, 0.4).situation());

        assertThat(terms.reasoning().factors()).anySatisfy(n -> {
            assertThat(n.name()).isEqualTo("proRatedRefund");
            assertThat(n.value()).isEqualTo("600.00 USD");
        });
        assertThat(terms.minimumAuthority()).isEqualTo(AuthorityLevel.SUPERVISOR);
        assertThat(terms.openQuestion()).isEqualTo(OfferChoice.OPEN_QUESTION);
    }

    @Test
    void aCloseRunnerUpOfMoreValueToTheCustomerWinsWhenInactionCostsMore() {
        // A misplaced-hostility reading (a gesture) against our error (a replacement), on a public channel.
        Terms terms = choice.choose(Complaint.misplacedHostility().angry().order("80.00").via(com.makeitright.events.Channel.SOCIAL_MEDIA)
                .confidence(0.45).runnerUp(Cause.OUR_ERROR, 0.4).root(RootCause.PRODUCT_QUALITY).situation());

        assertThat(terms.kind()).isEqualTo(RemedyKind.REPLACEMENT);
        assertThat(terms.minimumAuthority()).isEqualTo(AuthorityLevel.SUPERVISOR);
    }

    @Test
    void unfinishedWorkOnAConfidentCauseShowsTheProRatedRefundItWeighed() {
        Terms terms = choice.choose(Complaint.misunderstanding().calm().order("300.00").completed("0.8").confidence(0.95).situation());

        assertThat(terms.reasoning().factors()).extracting(Terms.Note::name).contains("proRatedRefund");
        assertThat(terms.minimumAuthority()).as("no review when the cause is clear").isEqualTo(AuthorityLevel.AGENT);
    }

    @Test
    void aRunnerUpSuspicionIsWeighedAtItsOwnConfidenceNotAsCertain() {
        // Abuse at 40% is not evidence (abuse.confident-above 0.6): its remedy is the benefit of the doubt, no inspection.
        Terms terms = choice.choose(Complaint.ourError().upset().confidence(0.5).runnerUp(Cause.SUSPECTED_ABUSE, 0.4).situation());

        assertThat(terms.kind()).isEqualTo(RemedyKind.REPLACEMENT);
        assertThat(terms.reasoning().factors()).extracting(Terms.Note::name).doesNotContain("option.INSPECTION");
    }
}
