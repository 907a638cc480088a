package com.makeitright.triage.acknowledge;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.Channel;
import com.makeitright.events.CustomerTier;
import com.makeitright.events.Priority;
import com.makeitright.triage.classify.Classification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How urgent a complaint is and by when an agent must personally answer. Levels run 1 (P1_URGENT) to
 * 4 (P4_LOW); each rule below moves the level and says why.
 */
final class PriorityPolicy {

    record Decision(Priority priority, List<String> reasons, Instant acknowledgeBy) {
    }

    private final AcknowledgeDeadlines deadlines;

    PriorityPolicy(AcknowledgeDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    Decision decide(Classification classification, Channel channel, CustomerTier tier, boolean reopened, Instant now) {
        List<String> reasons = new ArrayList<>();
        Anger anger = classification.anger();
        // Start from how upset they are: the angrier, the sooner a person should answer.
        int level = switch (anger) {
            case HOSTILE, ANGRY -> 2;
            case UPSET, CALM -> 3;
        };
        reasons.add("customer is " + anger.name().toLowerCase());
        // A calm question about a policy can wait a little longer than a reported fault.
        if (anger == Anger.CALM && classification.cause() == Cause.MISUNDERSTANDING) {
            level = 4;
            reasons.add("a calm question about how something works");
        }
        // Public complaints are seen by others: answer them sooner, social media above all.
        if (channel == Channel.SOCIAL_MEDIA) {
            level--;
            reasons.add("public complaint on social media");
        }
        // High-value customers are answered sooner.
        if (tier == CustomerTier.GOLD || tier == CustomerTier.PLATINUM) {
            level--;
            reasons.add(tier.name().toLowerCase() + " customer");
        }
        // A reopened case means our first fix failed: it must not wait in the normal queue again.
        if (reopened) {
            level--;
            reasons.add("reopened: the first fix did not satisfy them");
        }
        // A hostile public post spreads fast.
        if (anger == Anger.HOSTILE && channel == Channel.SOCIAL_MEDIA) {
            level = 1;
            reasons.add("hostile and public");
        }
        // Health, safety and legal threats are urgent whatever else is true.
        if (classification.has("safety-or-legal")) {
            level = 1;
            reasons.add("health, safety or legal issue");
        }
        Priority priority = Priority.values()[Math.max(0, Math.min(3, level - 1))];
        Duration within = deadlines.within().get(priority);
        if (tier == CustomerTier.GOLD || tier == CustomerTier.PLATINUM) {
            within = Duration.ofMillis(Math.round(within.toMillis() * deadlines.highValueFactor()));
        }
        return new Decision(priority, List.copyOf(reasons), now.plus(within));
    }
}
