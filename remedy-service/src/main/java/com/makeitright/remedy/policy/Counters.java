package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.Money;
import com.makeitright.events.RemedyKind;
import com.makeitright.remedy.policy.Terms.Gesture;
import com.makeitright.remedy.policy.Terms.Line;
import com.makeitright.remedy.policy.Terms.Note;
import com.makeitright.remedy.policy.Terms.Why;
import java.util.List;

/** Judges a customer's counter-proposal: their terms when they are within reason, else why not. */
record Counters(PolicyProperties p, Figures figures) {


    /** Judges a counter-proposal: the customer's terms if they are within reason, else why not. */
    RemedyPolicy.CounterVerdict judge(Situation s, RemedyPolicy.Counter counter, Terms countered) {
        String c = countered.currency();
        RemedyKind kind = counter.kind();
        if (kind == RemedyKind.INSPECTION || kind == RemedyKind.REFUND_AND_DISENGAGE) {
            return RemedyPolicy.CounterVerdict.refused(kind + " is not a remedy a customer proposes");
        }
        if (countered.kind() == RemedyKind.INSPECTION && kind != RemedyKind.MEDIATION) {
            return RemedyPolicy.CounterVerdict.refused("suspected abuse: nothing is given before the item is inspected");
        }
        if (Figures.NEEDS_ORDER.contains(kind) && !s.hasOrder()) {
            return RemedyPolicy.CounterVerdict.refused("no order to apply " + kind + " to");
        }
        Money amount = counter.amount();
        if (amount != null && !amount.getCurrency().equals(c)) {
            return RemedyPolicy.CounterVerdict.refused("asked in " + amount.getCurrency() + " where the order is in " + c);
        }
        if (amount == null && kind == RemedyKind.REFUND_FULL) {
            amount = s.orderAmount();
        }
        boolean needsAmount = Figures.MONEY_KINDS.contains(kind) || kind == RemedyKind.GOODWILL_GESTURE;
        if (needsAmount && amount == null) {
            return RemedyPolicy.CounterVerdict.refused(kind + " without an amount cannot be weighed");
        }
        Money cap = s.hasOrder() ? s.orderAmount() : figures.figure(p.goodwill().max(), c);
        if (amount != null && Monies.compare(amount, cap) > 0) {
            return RemedyPolicy.CounterVerdict.refused("asks " + Monies.format(amount) + ", more than the " + Monies.format(cap)
                    + (s.hasOrder() ? " paid" : " we give without an order"));
        }
        Gesture gesture = kind == RemedyKind.GOODWILL_GESTURE ? new Gesture(Figures.giftText(amount), amount) : null;
        Money money = kind == RemedyKind.GOODWILL_GESTURE || !Figures.MONEY_KINDS.contains(kind) ? null : amount;
        List<Line> lines = figures.lines(s, kind, money, gesture, c);
        Money cost = Terms.total(lines, c);
        String words = counter.description() == null || counter.description().isBlank() ? "" : " (\"" + counter.description() + "\")";
        String description = "As you proposed" + words + ": " + Figures.kindText(kind, money, gesture);
        Why reasoning = new Why(cost, countered.reasoning().costOfInaction(), countered.reasoning().factors(),
                "The customer's counter-proposal is within reason: " + kind + " costing " + Monies.format(cost) + ".")
                .plus(new Note("counter", kind + (amount == null ? "" : " " + Monies.format(amount)),
                        "within reason (at most what was paid); granted within the authority it needs"));
        return RemedyPolicy.CounterVerdict.granted(new Terms(kind, description, money, gesture, null, cost, lines,
                AuthorityLevel.AGENT, true, reasoning));
    }
}
