package com.makeitright.triage.acknowledge;

import com.makeitright.events.Channel;
import com.makeitright.events.CustomerTier;
import com.makeitright.events.Priority;
import com.makeitright.triage.classify.History;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static com.makeitright.triage.acknowledge.TriageFixtures.NOW;
import static com.makeitright.triage.acknowledge.TriageFixtures.complaint;
import static com.makeitright.triage.acknowledge.TriageFixtures.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Priority and acknowledge-by rules: hostile and public first, high-value sooner, safety and legal urgent. */
class PriorityPolicyTest {

    private final Triage triage = TriageFixtures.triage();

    private static final String CALM_FAULT = "Hello, the lamp I ordered arrived with a cracked shade. Could you send a new one? Thanks.";
    private static final String HOSTILE = "You useless crooks sent me a cracked lamp. Answer me, you idiots.";

    @Test
    void aCalmReportedFaultIsNormalWithTheNormalDeadline() {
        TriageDecision d = triage.decide(email(CALM_FAULT));

        assertThat(d.priority()).isEqualTo(Priority.P3_NORMAL);
        assertThat(d.acknowledgeBy()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void aCalmQuestionAboutPolicyIsLow() {
        TriageDecision d = triage.decide(email("Hi, I thought the delivery fee was included in the price. Could you explain the fee?"));

        assertThat(d.priority()).isEqualTo(Priority.P4_LOW);
        assertThat(d.acknowledgeBy()).isEqualTo(NOW.plus(Duration.ofHours(72)));
    }

    @Test
    void hostileIsHighAndHostileOnSocialMediaIsUrgent() {
        assertThat(triage.decide(email(HOSTILE)).priority()).isEqualTo(Priority.P2_HIGH);
        TriageDecision social = triage.decide(complaint(HOSTILE, Channel.SOCIAL_MEDIA, CustomerTier.STANDARD));
        assertThat(social.priority()).isEqualTo(Priority.P1_URGENT);
        assertThat(social.priorityReasons()).contains("public complaint on social media", "hostile and public");
        assertThat(social.acknowledgeBy()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aPublicComplaintIsAnsweredSoonerThanThePrivateSameComplaint() {
        TriageDecision email = triage.decide(email(CALM_FAULT));
        TriageDecision social = triage.decide(complaint(CALM_FAULT, Channel.SOCIAL_MEDIA, CustomerTier.STANDARD));

        assertThat(social.priority().ordinal()).isLessThan(email.priority().ordinal());
        assertThat(social.acknowledgeBy()).isBefore(email.acknowledgeBy());
    }

    @Test
    void goldAndPlatinumCustomersGetAHigherPriorityAndAShorterDeadline() {
        TriageDecision gold = triage.decide(complaint(CALM_FAULT, Channel.EMAIL, CustomerTier.GOLD));

        assertThat(gold.priority()).isEqualTo(Priority.P2_HIGH);
        assertThat(gold.acknowledgeBy()).isEqualTo(NOW.plus(Duration.ofHours(2))); // P2's 4h, halved
        assertThat(triage.decide(complaint(CALM_FAULT, Channel.EMAIL, CustomerTier.SILVER)).priority())
                .isEqualTo(Priority.P3_NORMAL);
    }

    @Test
    void safetyHealthAndLegalThreatsAreUrgent() {
        assertThat(triage.decide(email("The soup made my son sick last night. Please look into it.")).priority())
                .isEqualTo(Priority.P1_URGENT);
        assertThat(triage.decide(email("The invoice is wrong and my lawyer will be in touch.")).priority())
                .isEqualTo(Priority.P1_URGENT);
    }

    @Test
    void aReopenedRoundIsMoreUrgentThanTheFirst() {
        Complaint first = email(CALM_FAULT);
        Complaint reopened = new Complaint("c-1", 2, first.text(), History.NONE, new Complaint.Reopen(1, 2, "Still cracked"));

        assertThat(triage.decide(reopened).priority().ordinal()).isLessThan(triage.decide(first).priority().ordinal());
    }

    @Test
    void deadlinesComeFromConfigurationAndInconsistentOnesAreRefusedClearly() {
        AcknowledgeDeadlines fast = new AcknowledgeDeadlines(Map.of(Priority.P1_URGENT, Duration.ofMinutes(15),
                Priority.P2_HIGH, Duration.ofMinutes(30), Priority.P3_NORMAL, Duration.ofHours(2),
                Priority.P4_LOW, Duration.ofHours(8)), 1.0);
        assertThat(new Triage(fast, TriageFixtures.CLOCK).decide(email(CALM_FAULT)).acknowledgeBy())
                .isEqualTo(NOW.plus(Duration.ofHours(2)));

        assertThatThrownBy(() -> new AcknowledgeDeadlines(Map.of(Priority.P1_URGENT, Duration.ofHours(5),
                Priority.P2_HIGH, Duration.ofHours(4), Priority.P3_NORMAL, Duration.ofHours(24),
                Priority.P4_LOW, Duration.ofHours(72)), 0.5))
                .hasMessageContaining("P1_URGENT").hasMessageContaining("must not be longer than for P2_HIGH");
        assertThatThrownBy(() -> new AcknowledgeDeadlines(AcknowledgeDeadlines.DEFAULTS.within(), 0))
                .hasMessageContaining("high-value factor");
    }
}
