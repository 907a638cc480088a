package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.Money;
import com.makeitright.remedy.policy.Terms.Gesture;
import com.makeitright.remedy.policy.Terms.Note;
import java.math.BigDecimal;

/**
 * The thank-you gesture: how large it is when a remedy includes one (a share of what the remedy leaves
 * unrepaired, between the configured minimum and maximum, multiplied on a reopened round), and how it grows
 * after each declined offer.
 */
record Gestures(PolicyProperties p, Figures figures) {

    /** A gesture and the factor that explains its size. */
    record Sized(Gesture gesture, Note note) {
    }


    /** A gesture sized by policy: a share of what is left unrepaired, between min and max; more on a reopened round. */
    Sized size(Situation s, Money costOfInaction, Money remedyCost, boolean always) {
        PolicyProperties.Goodwill g = p.goodwill();
        String currency = remedyCost.getCurrency();
        BigDecimal gap = costOfInaction.getAmount().subtract(remedyCost.getAmount()).max(BigDecimal.ZERO);
        Money min = figures.figure(g.min(), currency);
        Money max = figures.figure(g.max(), currency);
        BigDecimal size = gap.multiply(g.share()).max(min.getAmount()).min(max.getAmount());
        if (s.reopenedRound()) {
            size = size.multiply(g.reopenMultiplier());
        }
        Money value = Monies.rounded(size, currency);
        return new Sized(new Gesture(Figures.giftText(value), value), new Note("goodwill", Monies.format(value),
                (always ? "part of this remedy" : "on top")
                        + ": " + g.share() + " of the unrepaired " + Monies.format(Monies.rounded(gap, currency))
                        + ", between " + Monies.format(min) + " and " + Monies.format(max)
                        + (s.reopenedRound() ? ", x" + g.reopenMultiplier() + " for a reopened round" : "")));
    }

    /** The declined offer's gesture (none counts as zero) raised by the decline step. */
    Gesture raised(Terms declined) {
        String c = declined.currency();
        Money before = declined.gesture() == null ? Monies.zero(c) : declined.gesture().value();
        Money raised = Monies.add(before, declineStep(c));
        return new Gesture(Figures.giftText(raised), raised);
    }

    Money declineStep(String currency) {
        return figures.figure(p.goodwill().declineStep(), currency);
    }
}
