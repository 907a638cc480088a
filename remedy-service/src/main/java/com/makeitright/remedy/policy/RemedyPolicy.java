package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.CostCategory;
import com.makeitright.events.Money;
import com.makeitright.events.RemedyKind;
import com.makeitright.remedy.policy.Terms.Gesture;
import com.makeitright.remedy.policy.Terms.Line;
import com.makeitright.remedy.policy.Terms.Note;
import com.makeitright.remedy.policy.Terms.Why;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The shop owner's remedy policy, as the negotiation asks it: the first offer ({@link OfferChoice}, weighing
 * the remedy against the {@link CostOfInaction}), a better offer after a decline ({@link Gestures}), mediation,
 * the verdict on a counter-proposal ({@link Counters}), who may grant an offer ({@link AuthorityRule}) and the
 * offer cut to an agent's authority, and the price of a fulfilled remedy for the books. Each decision lives in
 * its own package-private class; this is the one door to them. Pure: no clock, no Kafka; the same situation
 * always gets the same answer.
 */
public final class RemedyPolicy {

    private final PolicyProperties p;
    private final Figures figures;
    private final Gestures gestures;
    private final AuthorityRule authority;
    private final Counters counters;
    private final OfferChoice choice;

    public RemedyPolicy(PolicyProperties properties) {
        this.p = properties;
        this.figures = new Figures(properties);
        this.gestures = new Gestures(properties, figures);
        this.authority = new AuthorityRule(properties, figures);
        this.counters = new Counters(properties, figures);
        this.choice = new OfferChoice(properties, figures, new CostOfInaction(properties, figures), gestures);
    }

    /** The remedy the business offers first for this complaint round ({@link OfferChoice}). */
    public Terms choose(Situation s) {
        return choice.choose(s);
    }

    // ------------------------------------------------------------------------------------ during the negotiation

    public boolean negotiable(RemedyKind kind) {
        return Figures.negotiable(kind);
    }

    public int maxRounds() {
        return p.negotiation().maxRounds();
    }

    /** A better offer after a decline: the same remedy with a gesture larger by the decline step. */
    public Terms improve(Situation s, Terms declined, int declinedRound, String why) {
        String c = declined.currency();
        Money step = gestures.declineStep(c);
        Gesture gesture = gestures.raised(declined);
        Money raised = gesture.value();
        List<Line> lines = new ArrayList<>(declined.costLines().stream().filter(l -> l.category() != CostCategory.GIFT).toList());
        lines.add(new Line(CostCategory.GIFT, raised));
        Money cost = Terms.total(lines, c);
        Why reasoning = new Why(cost, declined.reasoning().costOfInaction(), declined.reasoning().factors(),
                "A better offer after offer " + declinedRound + " was declined: the gesture grows to " + Monies.format(raised) + ".")
                .plus(new Note("negotiationRound", String.valueOf(declinedRound), why + ": gesture raised by "
                        + Monies.format(step) + " to " + Monies.format(raised)));
        String description = Figures.baseDescription(declined) + " " + gesture.description();
        return new Terms(declined.kind(), description, declined.amount(), gesture, declined.openQuestion(), cost,
                lines, declined.minimumAuthority(), false, reasoning);
    }

    /** Mediation: an independent third party, once the bounded negotiation reached no agreement. */
    public Terms mediation(Situation s, Terms last, String why) {
        String c = last.currency();
        Money fee = figures.figure(p.costs().mediation(), c);
        List<Line> lines = List.of(new Line(CostCategory.MEDIATION, fee));
        Why reasoning = new Why(fee, last.reasoning().costOfInaction(), last.reasoning().factors(),
                "No agreement within the bounded negotiation: an independent mediator, at our cost.")
                .plus(new Note("mediation", Monies.format(fee), why));
        return new Terms(RemedyKind.MEDIATION, "We could not agree between us, so we propose an independent mediator "
                + "to find a fair solution; we pay the mediator's fee.", null, null, null, fee, lines,
                AuthorityLevel.AGENT, false, reasoning);
    }

    /** Judges a counter-proposal: the customer's terms if they are within reason, else why not ({@link Counters}). */
    public CounterVerdict counter(Situation s, Counter counter, Terms countered) {
        return counters.judge(s, counter, countered);
    }

    /** The customer's counter-proposal. */
    public record Counter(RemedyKind kind, Money amount, String description) {
    }

    /** Either the counter's terms or why they are beyond reason. */
    public record CounterVerdict(Terms terms, String refusal) {
        static CounterVerdict granted(Terms terms) {
            return new CounterVerdict(terms, null);
        }

        static CounterVerdict refused(String why) {
            return new CounterVerdict(null, why);
        }

        public boolean granted() {
            return terms != null;
        }
    }

    /** The offer cut down to what an agent may grant (after a supervisor rejected more). */
    public Terms fitToAgent(Situation s, Terms t, String why) {
        String c = t.currency();
        Money limit = figures.figure(p.authority().agent(), c);
        Terms fitted = t;
        if (fitted.minimumAuthority() != AuthorityLevel.AGENT || fitted.kind() == RemedyKind.REFUND_AND_DISENGAGE) {
            // the supervisor decided against parting ways: the complaint on its merits, or a clear explanation
            fitted = choose(s.withoutDoNotServe());
            if (fitted.kind() == RemedyKind.REFUND_AND_DISENGAGE) {
                fitted = choice.explanation(s);
            }
        }
        if (authority(fitted).level() != AuthorityLevel.AGENT && fitted.gesture() != null) {
            List<Line> lines = fitted.costLines().stream().filter(l -> l.category() != CostCategory.GIFT).toList();
            fitted = new Terms(fitted.kind(), Figures.baseDescription(fitted), fitted.amount(), null, fitted.openQuestion(),
                    Terms.total(lines, c), lines, AuthorityLevel.AGENT, false, fitted.reasoning());
        }
        if (authority(fitted).level() != AuthorityLevel.AGENT) {
            RemedyKind kind = Figures.MONEY_KINDS.contains(fitted.kind()) && fitted.kind() != RemedyKind.REFUND_AND_DISENGAGE
                    ? (fitted.kind() == RemedyKind.STORE_CREDIT || fitted.kind() == RemedyKind.DISCOUNT ? fitted.kind() : RemedyKind.REFUND_PARTIAL)
                    : RemedyKind.STORE_CREDIT;
            List<Line> lines = figures.lines(s, kind, limit, null, c);
            fitted = new Terms(kind, Figures.kindText(kind, limit, null), limit, null, fitted.openQuestion(),
                    Terms.total(lines, c), lines, AuthorityLevel.AGENT, false, fitted.reasoning());
        }
        Why reasoning = new Why(fitted.estimatedCost(), t.reasoning().costOfInaction(), fitted.reasoning().factors(),
                "Within the agent's authority of " + Monies.format(limit) + ": " + fitted.kind() + ".")
                .plus(new Note("authority", Monies.format(limit), why + ": the offer is cut to what an agent may grant"));
        return new Terms(fitted.kind(), fitted.description(), fitted.amount(), fitted.gesture(), fitted.openQuestion(),
                fitted.estimatedCost(), fitted.costLines(), AuthorityLevel.AGENT, false, reasoning);
    }

    /** After an inspection confirmed the fault: the refund that was withheld, agreed by policy. */
    public Terms refundAfterInspection(Situation s, Terms inspection) {
        String c = inspection.currency();
        Money refund = s.hasOrder() ? s.orderAmount() : Monies.zero(c);
        List<Line> lines = figures.lines(s, RemedyKind.REFUND_FULL, refund, null, c);
        Money cost = Terms.total(lines, c);
        Why reasoning = new Why(cost, inspection.reasoning().costOfInaction(), inspection.reasoning().factors(),
                "The inspection confirmed the fault: the withheld refund is owed in full.")
                .plus(new Note("inspectionResult", "FAULT_CONFIRMED", "the claim is upheld: refund in full"));
        return new Terms(RemedyKind.REFUND_FULL, "The inspection confirmed the fault. We are sorry for the doubt: "
                + "we refund " + Monies.format(refund) + " in full.", refund, null, null, cost, lines,
                AuthorityLevel.AGENT, false, reasoning);
    }

    /** Who may grant these terms, and whether an agent must ask ({@link AuthorityRule}). */
    public Authority authority(Terms t) {
        return authority.of(t);
    }

    public record Authority(AuthorityLevel level, boolean approvalRequired) {
    }

    /**
     * What the fulfilled remedy cost, for the books: the offer's cost lines, with the main line replaced by the
     * actual cost when the fulfillment reports one (the gesture keeps its value).
     */
    public List<Line> fulfilledCost(Terms t, Money actualCost) {
        if (actualCost == null) {
            return t.costLines();
        }
        if (!actualCost.getCurrency().equals(t.currency())) {
            throw new IllegalArgumentException("actual cost " + Monies.format(actualCost) + " is not in the offer's currency "
                    + t.currency());
        }
        List<Line> lines = new ArrayList<>(t.costLines());
        int main = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).category() != CostCategory.GIFT) {
                main = i;
                break;
            }
        }
        if (main < 0 && lines.isEmpty()) {
            return List.of(new Line(Figures.mainCategory(t.kind()), actualCost));
        }
        int at = main < 0 ? 0 : main;
        lines.set(at, new Line(lines.get(at).category(), actualCost));
        return List.copyOf(lines);
    }

    public Instant expiresAt(Instant now) {
        return now.plus(p.negotiation().offerExpiry());
    }

    public Instant approvalDueBy(Instant now) {
        return now.plus(p.negotiation().approvalTimeout());
    }

    public Instant deliverBy(RemedyKind kind, Instant now) {
        Duration within = p.deliverWithin().get(kind);
        return now.plus(within);
    }

    public Money zero(Situation s) {
        return Monies.zero(figures.currency(s));
    }
}
