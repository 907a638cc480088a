package com.makeitright.triage.acknowledge;

import com.makeitright.events.Cause;
import com.makeitright.triage.classify.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static com.makeitright.triage.acknowledge.TriageFixtures.email;
import static org.assertj.core.api.Assertions.assertThat;

/** The acknowledgement is specific, owns our errors, explains kindly, promises no remedy and never blames. */
class AcknowledgementTextTest {

    private final Triage triage = TriageFixtures.triage();

    private static final String WRONG_SIZE = "Hello, I ordered the walking boots in size 42 and you sent the wrong size, a 38. Could you help?";
    private static final String CHARGED_TWICE = "Dear team, I was charged twice for my March subscription. Please look into it.";
    private static final String FEE = "I thought the booking fee was included in the ticket price. Nobody mentioned the fee until the last step.";
    private static final String WORN = "I wore the dress to my sister's wedding on Saturday and now the hem is torn, so it must be faulty. Full refund please.";
    private static final String BAD_DAY = "Sorry if I sound grumpy, I had a fight with my landlord this morning. Your app font is tiny.";
    private static final String FOREVER = "Your umbrella broke in a storm. I want free umbrellas for life and 3,000 for the stress.";

    /** Promises of a specific remedy: remedy policy decides those, not the acknowledgement. */
    private static final List<String> PROMISES = List.of("we will refund", "we'll refund", "you will get a refund",
            "we will replace", "we'll replace", "we will send you a new", "full refund", "free of charge", "compensation",
            "voucher", "discount");
    /** Blame, jokes and stock phrases have no place in an apology. */
    private static final List<String> FORBIDDEN = List.of("you should have", "your fault", "you failed to",
            "you didn't read", "you did not read", "as stated in", "clearly states", "haha", "lol", ":)", "\uD83D\uDE00",
            "we apologize for any inconvenience", "your call is important", "valued customer");

    private String text(String description) {
        return triage.decide(email(description)).acknowledgementText();
    }

    @Test
    void namesTheProblemInTheCustomersOwnWords() {
        assertThat(text(WRONG_SIZE)).contains("you sent the wrong size, a 38");
        assertThat(text(CHARGED_TWICE)).contains("I was charged twice for my March subscription");
    }

    @Test
    void quotesTheProblemWithoutTheGreeting() {
        assertThat(text(WRONG_SIZE)).contains("“I ordered the walking boots").doesNotContain("“Hello");
        assertThat(text(CHARGED_TWICE)).contains("“I was charged twice").doesNotContain("“Dear team");
    }

    @Test
    void ownsTheErrorWhenItIsOurs() {
        TriageDecision d = triage.decide(email(WRONG_SIZE));

        assertThat(d.classification().cause()).isEqualTo(Cause.OUR_ERROR);
        assertThat(d.acknowledgementText()).contains("our error, not yours").contains("I am sorry")
                .contains("we sent you something other than what you ordered");
    }

    @Test
    void explainsKindlyWhenAPolicyWasMisunderstood() {
        TriageDecision d = triage.decide(email(FEE));

        assertThat(d.classification().cause()).isEqualTo(Cause.MISUNDERSTANDING);
        assertThat(d.acknowledgementText()).contains("came as a surprise").contains("not made clearer to you")
                .contains("rather than from anything you did wrong").doesNotContain("our error");
    }

    @Test
    void staysNeutralAndAccusesNoOneWhenAClaimNeedsChecking() {
        TriageDecision d = triage.decide(email(WORN));

        assertThat(d.classification().cause()).isEqualTo(Cause.SUSPECTED_ABUSE);
        assertThat(d.acknowledgementText()).contains("understand exactly what happened").contains("inspected")
                .doesNotContainIgnoringCase("fraud").doesNotContainIgnoringCase("abuse").doesNotContainIgnoringCase("lie");
    }

    @ParameterizedTest
    @ValueSource(strings = {WRONG_SIZE, CHARGED_TWICE, FEE, WORN, BAD_DAY, FOREVER})
    void neverPromisesARemedyNeverBlamesAndNeverJokes(String description) {
        String text = text(description).toLowerCase(Locale.ROOT);

        assertThat(PROMISES).noneSatisfy(p -> assertThat(text).contains(p));
        assertThat(FORBIDDEN).noneSatisfy(p -> assertThat(text).contains(p));
    }

    @Test
    void twoComplaintsWithTheSameCauseGetDifferentTexts() {
        TriageDecision boots = triage.decide(email(WRONG_SIZE));
        TriageDecision charge = triage.decide(email(CHARGED_TWICE));

        assertThat(boots.classification().cause()).isEqualTo(charge.classification().cause());
        assertThat(boots.acknowledgementText()).isNotEqualTo(charge.acknowledgementText());
    }

    @Test
    void aReopenedRoundAcknowledgesThatTheFirstFixDidNotSatisfy() {
        Complaint reopened = new Complaint("c-1", 2, email(WRONG_SIZE).text(), History.NONE,
                new Complaint.Reopen(1, 2, "The replacement pair was also the wrong size."));

        assertThat(triage.decide(reopened).acknowledgementText())
                .startsWith("I am sorry that what we did the first time did not put this right for you")
                .contains("The replacement pair was also the wrong size");
    }

    @Test
    void whenUnsureTheTextSaysAPersonWillReadIt() {
        TriageDecision d = triage.decide(email("Bad."));

        assertThat(d.reviewNeeded()).isTrue();
        assertThat(d.acknowledgementText()).contains("a colleague will read your message personally");
    }

    @Test
    void aHostileComplaintIsNeverQuotedBackWithItsInsults() {
        TriageDecision d = triage.decide(email("You useless idiots. The kettle you sent leaks all over the counter."));

        assertThat(d.acknowledgementText()).contains("The kettle you sent leaks all over the counter")
                .doesNotContain("idiots");
    }

    @Test
    void aComplaintNotInEnglishGetsNoEnglishApologyDraftedAndGoesToAPersonNamingItsLanguage() {
        // Our error in substance (the wrong size sent), but in French: the rules cannot read it.
        TriageDecision d = triage.decide(email("Bonjour, j'ai commandé les chaussures en taille 38 et vous m'avez envoyé"
                + " une taille 42. Je suis très déçue, merci de m'envoyer la bonne taille."));

        assertThat(d.classification().language()).isEqualTo("fr");
        assertThat(d.reviewReasons()).anySatisfy(r -> assertThat(r).startsWith("Written in French (fr)"));
        assertThat(d.acknowledgementText()).contains("A colleague who reads your language")
                .doesNotContain("our error").doesNotContain("came as a surprise").doesNotContain("landed on you")
                .doesNotContain("answer honestly").doesNotContain("understand exactly what happened");
    }
}
