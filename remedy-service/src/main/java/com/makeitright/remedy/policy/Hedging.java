package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.Cause;
import com.makeitright.events.Money;
import com.makeitright.events.RemedyKind;
import com.makeitright.remedy.policy.Terms.Note;
import com.makeitright.remedy.policy.Terms.Why;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The first offer when triage's cause is uncertain, or when part of the work was never delivered: instead of betting
 * the customer on the likeliest cause, each candidate offer (the remedy each likely cause calls for, and a refund of
 * the undelivered part) is weighed by its cost plus, for every likely cause it would not put right, that cause's
 * probability times its cost of inaction (plus, for our error, a refund it owes); the lowest wins. An uncertain cause also means the customer is asked what
 * would make it right and a supervisor reviews the offer. Every candidate and its figures go into the reasoning.
 */
record Hedging(PolicyProperties p, CostOfInaction costOfInaction) {

    /** Remedies that give the customer money or goods: one worth at least another's puts right what that one would. */
    private static final Set<RemedyKind> VALUE_KINDS = EnumSet.of(RemedyKind.REFUND_FULL, RemedyKind.REFUND_PARTIAL,
            RemedyKind.REFUND_PRORATED, RemedyKind.STORE_CREDIT, RemedyKind.DISCOUNT, RemedyKind.REPLACEMENT, RemedyKind.REDO);

    private static final Set<RemedyKind> REFUNDS = EnumSet.of(RemedyKind.REFUND_FULL, RemedyKind.REFUND_PARTIAL,
            RemedyKind.REFUND_PRORATED);

    Terms weigh(Situation s, Terms first, Function<Situation, Terms> remedyFor, Terms prorated) {
        PolicyProperties.Uncertainty rule = p.uncertainty();
        boolean low = s.causeConfidence() < rule.confidentFrom();
        boolean close = s.runnerUpCause() != null && s.runnerUpCause() != s.cause()
                && s.runnerUpConfidence() >= rule.closeRatio() * s.causeConfidence();
        boolean uncertain = low || close;
        if (!uncertain && (prorated == null || sameOffer(first, prorated))) {
            return first;
        }

        // The likely causes, with their probabilities renormalised over the two triage names.
        Map<Cause, Double> likely = new LinkedHashMap<>();
        Map<Cause, Terms> remedies = new LinkedHashMap<>();
        likely.put(s.cause(), s.causeConfidence());
        remedies.put(s.cause(), first);
        if (uncertain && s.runnerUpCause() != null && s.runnerUpCause() != s.cause() && s.runnerUpConfidence() > 0) {
            likely.put(s.runnerUpCause(), s.runnerUpConfidence());
            remedies.put(s.runnerUpCause(), remedyFor.apply(s.as(s.runnerUpCause(), s.runnerUpConfidence())));
        }
        double total = likely.values().stream().mapToDouble(Double::doubleValue).sum();
        likely.replaceAll((cause, q) -> total > 0 ? q / total : 1.0 / likely.size());

        List<Terms> candidates = new ArrayList<>();
        for (Terms t : remedies.values()) {
            if (candidates.stream().noneMatch(c -> sameOffer(c, t))) {
                candidates.add(t);
            }
        }
        if (prorated != null && candidates.stream().noneMatch(c -> sameOffer(c, prorated))) {
            candidates.add(prorated);
        }

        // Leaving a cause unrepaired costs its cost of inaction; when it is our error and its remedy is a refund, the
        // refund too, since the money is owed either way (a chargeback or a claim takes it back).
        Map<Cause, Money> inaction = new LinkedHashMap<>();
        for (Cause c : likely.keySet()) {
            Money cost = costOfInaction.of(s.as(c, likely.get(c))).costOfInaction();
            Terms remedy = remedies.get(c);
            if (c == Cause.OUR_ERROR && REFUNDS.contains(remedy.kind()) && remedy.amount() != null) {
                cost = Monies.add(cost, remedy.amount());
            }
            inaction.put(c, cost);
        }
        Terms best = null;
        BigDecimal bestExpected = null;
        List<Note> notes = new ArrayList<>();
        for (Terms candidate : candidates) {
            BigDecimal expected = candidate.estimatedCost().getAmount();
            List<String> leftOpen = new ArrayList<>();
            for (Map.Entry<Cause, Double> c : likely.entrySet()) {
                if (!putsRight(candidate, remedies.get(c.getKey()))) {
                    expected = expected.add(inaction.get(c.getKey()).getAmount().multiply(BigDecimal.valueOf(c.getValue())));
                    leftOpen.add(c.getKey() + " (" + percent(c.getValue()) + " x " + Monies.format(inaction.get(c.getKey())) + ")");
                }
            }
            expected = expected.setScale(2, RoundingMode.HALF_EVEN);
            notes.add(new Note("option." + candidate.kind(), "costs " + Monies.format(candidate.estimatedCost()) + ", expected "
                    + expected.toPlainString() + " " + candidate.currency(), leftOpen.isEmpty() ? "puts right every likely cause"
                    : "leaves unrepaired: " + String.join(", ", leftOpen)));
            if (bestExpected == null || expected.compareTo(bestExpected) < 0) {
                best = candidate;
                bestExpected = expected;
            }
        }

        List<Note> factors = new ArrayList<>(best.reasoning().factors());
        String why;
        if (uncertain) {
            factors.add(new Note("causeUncertain", describe(s), (low ? "confidence below " + rule.confidentFrom() : "")
                    + (low && close ? " and " : "") + (close ? "the runner-up at least " + rule.closeRatio() + " as likely" : "")
                    + ": the offer best in expectation over the likely causes; the customer is asked what would make it"
                    + " right and a supervisor reviews the offer"));
            why = "Triage is unsure of the cause (" + describe(s) + "): the offer with the lowest expected cost, "
                    + best.kind() + ", for review. ";
        } else {
            why = "Part of the work was never delivered: a refund of that part was weighed against the remedy for "
                    + s.cause() + ". ";
        }
        factors.addAll(notes);
        if (prorated != null) {
            factors.add(new Note("proRatedRefund", Monies.format(prorated.estimatedCost()), sameOffer(best, prorated)
                    ? "chosen: the undelivered part is refunded" : "considered, not chosen: " + best.kind()
                    + " has the lower expected cost"));
        }
        String question = uncertain && Figures.negotiable(best.kind()) ? OfferChoice.OPEN_QUESTION : best.openQuestion();
        AuthorityLevel authority = uncertain && best.minimumAuthority().compareTo(AuthorityLevel.SUPERVISOR) < 0
                ? AuthorityLevel.SUPERVISOR : best.minimumAuthority();
        Why reasoning = new Why(best.reasoning().remedyCost(), best.reasoning().costOfInaction(), factors,
                why + best.reasoning().summary());
        return new Terms(best.kind(), best.description(), best.amount(), best.gesture(), question, best.estimatedCost(),
                best.costLines(), authority, false, reasoning);
    }

    /** The candidate puts right what the remedy for a cause would: the same remedy, or money or goods worth as much. */
    private static boolean putsRight(Terms candidate, Terms remedy) {
        return candidate.kind() == remedy.kind() || VALUE_KINDS.contains(candidate.kind())
                && Monies.compare(candidate.estimatedCost(), remedy.estimatedCost()) >= 0;
    }

    private static boolean sameOffer(Terms a, Terms b) {
        return a.kind() == b.kind() && Monies.compare(a.estimatedCost(), b.estimatedCost()) == 0;
    }

    private static String describe(Situation s) {
        return s.cause() + " " + percent(s.causeConfidence()) + (s.runnerUpCause() == null ? ""
                : ", " + s.runnerUpCause() + " " + percent(s.runnerUpConfidence()));
    }

    private static String percent(double q) {
        return String.format(Locale.ROOT, "%.0f%%", q * 100);
    }
}
