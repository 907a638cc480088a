package com.makeitright.cli.simulate;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code simulate --via-mail}: the answer the simulated customer drew becomes the link they click and the form. */
class MailAnswersTest {

    @Test
    void anAcceptIsTheAcceptLinkWithNothingToFillIn() {
        MailAnswers.Choice choice = MailAnswers.forOffer(Map.of("decision", "ACCEPT", "offerId", "o-1"));

        assertThat(choice.action()).isEqualTo("ACCEPT");
        assertThat(choice.fields()).isEmpty();
    }

    @Test
    void aDeclineIsTheDeclineLinkWithTheNote() {
        MailAnswers.Choice choice = MailAnswers.forOffer(Map.of("decision", "DECLINE", "offerId", "o-1",
                "note", "That is not enough for what happened"));

        assertThat(choice.action()).isEqualTo("DECLINE");
        assertThat(choice.fields()).containsExactly(Map.entry("note", "That is not enough for what happened"));
    }

    @Test
    void aCounterIsTheCounterLinkWithWhatHowMuchAndWhyButThePagesCurrency() {
        Map<String, Object> counter = new LinkedHashMap<>();
        counter.put("kind", "REFUND_PARTIAL");
        counter.put("amount", new BigDecimal("14.70"));
        counter.put("currency", "USD");
        counter.put("description", "Part of the money back would be fair");

        MailAnswers.Choice choice = MailAnswers.forOffer(Map.of("decision", "COUNTER", "offerId", "o-1",
                "counterOffer", counter, "note", "What would be fair is this"));

        assertThat(choice.action()).isEqualTo("COUNTER");
        assertThat(choice.fields()).containsExactly(Map.entry("kind", "REFUND_PARTIAL"), Map.entry("amount", "14.70"),
                Map.entry("description", "Part of the money back would be fair"));
    }

    @Test
    void aSatisfactionAnswerIsItsScoresLinkWithTheComment() {
        MailAnswers.Choice unhappy = MailAnswers.forCheck(Map.of("satisfied", false, "score", 2,
                "comment", "It happened again, I am not satisfied"));

        assertThat(unhappy.action()).isEqualTo("SCORE_2");
        assertThat(unhappy.fields()).containsExactly(Map.entry("comment", "It happened again, I am not satisfied"));
    }

    @Test
    void theBehavioursOwnAnswersAllBecomeALinkToClick() {
        CustomerBehaviour behaviour = new CustomerBehaviour(new java.util.Random(7), 0.5);
        for (int i = 0; i < 50; i++) {
            MailAnswers.Choice check = MailAnswers.forCheck(behaviour.followUp(1));
            assertThat(check.action()).matches("SCORE_[1-5]");
            assertThat(check.fields()).containsKey("comment");
        }
    }
}
