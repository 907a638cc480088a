package com.makeitright.triage.acknowledge;

import com.makeitright.events.Channel;
import com.makeitright.events.CustomerTier;
import com.makeitright.triage.classify.History;
import org.junit.jupiter.api.Test;

import static com.makeitright.triage.acknowledge.TriageFixtures.complaint;
import static com.makeitright.triage.acknowledge.TriageFixtures.email;
import static org.assertj.core.api.Assertions.assertThat;

/** Advice to the agent follows issue #6's guidance for each kind of conversation. */
class HandlingAdviceTest {

    private final Triage triage = TriageFixtures.triage();

    private static java.util.List<String> codes(TriageDecision d) {
        return d.handlingAdvice().stream().map(Advice::code).toList();
    }

    @Test
    void aCalmFaultGetsListeningASpecificApologyAndTheOpenQuestion() {
        TriageDecision d = triage.decide(email("Hello, my order arrived without the charger that was listed. Could you send it? Thanks."));

        assertThat(codes(d)).contains("LISTEN_FIRST", "APOLOGIZE_SPECIFICALLY", "ASK_WHAT_WOULD_MAKE_IT_RIGHT")
                .doesNotContain("SUGGEST_SPECIFIC_REMEDY", "SET_BOUNDARY", "MOVE_TO_EMAIL");
    }

    @Test
    void aHostileShoutingCallMovesToEmailWithABoundaryAVentAndABreakAfterwards() {
        TriageDecision d = triage.decide(complaint("YOU PEOPLE CUT MY POWER WITHOUT WARNING. You useless idiots!!",
                Channel.PHONE, CustomerTier.STANDARD));

        assertThat(codes(d)).contains("LET_THEM_VENT", "MOVE_TO_EMAIL", "SET_BOUNDARY", "TAKE_A_BREAK",
                "SUGGEST_SPECIFIC_REMEDY").doesNotContain("ASK_WHAT_WOULD_MAKE_IT_RIGHT");
    }

    @Test
    void angerFromElsewhereGetsAnOpenQuestionAboutTheirDayFirst() {
        TriageDecision d = triage.decide(email("Sorry if I sound grumpy, I had a fight with my landlord this morning. Your app font is tiny."));

        assertThat(codes(d)).contains("ASK_ABOUT_THEIR_DAY");
    }

    @Test
    void suspectedAbuseStaysNeutralAndAsksForTheItemOrEvidenceWithoutAnApology() {
        TriageDecision d = triage.decide(email("I wore the dress to my sister's wedding on Saturday and now the hem is torn, so it must be faulty. Full refund please."));

        assertThat(codes(d)).contains("STAY_NEUTRAL").doesNotContain("APOLOGIZE_SPECIFICALLY");
        assertThat(d.handlingAdvice()).anySatisfy(a -> assertThat(a.text()).contains("accuse no one").contains("item back"));
    }

    @Test
    void aCustomerTheBusinessStoppedServingIsFlaggedForReview() {
        Complaint c = new Complaint("c-1", 1, email("The toaster you sent is broken. Please help.").text(),
                new History(2, 1, 0, true, null), null);

        TriageDecision d = triage.decide(c);

        assertThat(d.reviewNeeded()).isTrue();
        assertThat(d.reviewReasons()).anySatisfy(r -> assertThat(r).contains("not to serve this customer again"));
        assertThat(codes(d)).contains("DO_NOT_SERVE");
    }
}
