package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.Anger;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.Cause;
import com.makeitright.events.Money;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RootCause;
import com.makeitright.remedy.policy.DesiredOutcome.Wish;
import com.makeitright.remedy.policy.Terms.Gesture;
import com.makeitright.remedy.policy.Terms.Line;
import com.makeitright.remedy.policy.Terms.Note;
import com.makeitright.remedy.policy.Terms.Why;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first offer of a round: the remedy for the complaint's cause (reverse our error, explain a clear policy,
 * help with misplaced anger, a polite boundary for the unreasonable, inspection before any refund on suspected
 * abuse), the customer's wish when it is within reason, whether to ask an open question, and a gesture when
 * not making it right costs clearly more than the remedy.
 */
final class OfferChoice {

    static final String OPEN_QUESTION = "What can we do to make this right for you?";

    private static final Set<RootCause> POLICY_WAS_UNCLEAR = EnumSet.of(RootCause.UNCLEAR_POLICY, RootCause.SALES_PROMISE);
    private static final Set<RootCause> ANNOYANCE =
            EnumSet.of(RootCause.WAITING_TIME, RootCause.INTERFACE_PROBLEM, RootCause.SALES_PROMISE);

    private final PolicyProperties p;
    private final Figures figures;
    private final CostOfInaction costOfInaction;
    private final Gestures gestures;
    private final Hedging hedging;

    OfferChoice(PolicyProperties properties, Figures figures, CostOfInaction costOfInaction, Gestures gestures) {
        this.p = properties;
        this.figures = figures;
        this.costOfInaction = costOfInaction;
        this.gestures = gestures;
        this.hedging = new Hedging(properties, costOfInaction);
    }

    /** A clear explanation of what we can do, with no reward (the supervisor decided against parting ways). */
    Terms explanation(Situation s) {
        Draft d = new Draft(s, costOfInaction.of(s));
        d.kind(RemedyKind.POLICY_EXPLANATION, "We explain kindly and clearly what we can and cannot do for you.")
                .summary("Not parting ways after all: a clear explanation of what we can do, and no reward for hostility.");
        return d.build();
    }

    /**
     * The remedy the business offers first for this complaint round: the one triage's cause calls for, or, when the
     * cause is uncertain or the work was left unfinished, the one best in expectation ({@link Hedging}).
     */
    public Terms choose(Situation s) {
        Terms first = byCause(s);
        return s.history().doNotServe() ? first : hedging.weigh(s, first, this::byCause, prorated(s));
    }

    /** A refund of the part of the work that was not delivered, when the order says part of it was not. */
    private Terms prorated(Situation s) {
        BigDecimal fraction = s.completedFraction();
        if (!s.hasOrder() || fraction == null || fraction.compareTo(BigDecimal.ONE) >= 0) {
            return null;
        }
        Draft d = new Draft(s, costOfInaction.of(s));
        proratedRefund(s, d, fraction);
        return d.build();
    }

    private void proratedRefund(Situation s, Draft d, BigDecimal fraction) {
        if (fraction.signum() == 0) {
            d.note("order.completedFraction", "0", "nothing delivered: refund in full");
            d.kind(RemedyKind.REFUND_FULL, "Nothing was delivered, so we refund you in full: " + Monies.format(s.orderAmount()) + ".")
                    .amount(s.orderAmount())
                    .summary("Nothing delivered: a full refund.");
            return;
        }
        BigDecimal undelivered = BigDecimal.ONE.subtract(fraction);
        Money refund = Monies.rounded(s.orderAmount().getAmount().multiply(undelivered), s.orderAmount().getCurrency());
        d.note("order.completedFraction", fraction.stripTrailingZeros().toPlainString(),
                "work partly delivered: refund the undelivered " + Figures.percent(undelivered) + " of " + Monies.format(s.orderAmount()));
        d.kind(RemedyKind.REFUND_PRORATED, "We refund the " + Figures.percent(undelivered) + " of the work we did not deliver: "
                        + Monies.format(refund) + ".")
                .amount(refund)
                .summary("Work partly delivered: a refund pro-rated to the undelivered part.");
    }

    /** The remedy triage's cause calls for, taken as certain. */
    private Terms byCause(Situation s) {
        CostOfInaction.Inaction in = costOfInaction.of(s);
        Draft d = new Draft(s, in);
        if (s.reopenedRound()) {
            d.note("round", String.valueOf(s.round()), "reopened after an unsatisfying follow-up"
                    + (s.reopened() != null && s.reopened().score() != null ? " (score " + s.reopened().score() + ")" : "")
                    + ": a fresh negotiation with the gesture multiplied by " + p.goodwill().reopenMultiplier());
        }
        if (s.history().doNotServe()) {
            return flagged(s, d);
        }
        return switch (s.cause()) {
            case OUR_ERROR -> ourError(s, d);
            case MISUNDERSTANDING -> misunderstanding(s, d);
            case MISPLACED_HOSTILITY -> misplacedHostility(s, d);
            case UNREASONABLE -> unreasonable(s, d);
            case SUSPECTED_ABUSE -> suspectedAbuse(s, d);
        };
    }

    private Terms ourError(Situation s, Draft d) {
        BigDecimal fraction = s.completedFraction();
        Optional<Wish> wish = wish(s, d, true);
        if (!s.hasOrder()) {
            d.kind(RemedyKind.GOODWILL_GESTURE, "We are sorry, this was our mistake; we put it right with you and add a thank-you for your patience.")
                    .summary("Our error with no order to reverse: an apology and a gesture sized by what is at stake.");
            d.gesture(true);
        } else if (fraction != null && fraction.compareTo(BigDecimal.ONE) < 0) {
            proratedRefund(s, d, fraction);
            d.summary(fraction.signum() == 0 ? "Our error and nothing delivered: a full refund."
                    : "Our error on work partly delivered: a refund pro-rated to the undelivered part.");
        } else if (wish.isPresent()) {
            adoptWish(s, d, wish.get());
        } else if (fraction != null || s.suspectedRootCause() == RootCause.SERVICE_QUALITY) {
            d.kind(RemedyKind.REDO, "We redo the work properly, at no charge to you.")
                    .summary("Our error on work delivered: we redo it.");
        } else if (ANNOYANCE.contains(s.suspectedRootCause())) {
            Money discount = Figures.share(s.orderAmount(), p.costs().discountShare());
            d.kind(RemedyKind.DISCOUNT, "We take " + Monies.format(discount) + " off your order for the trouble.")
                    .amount(discount)
                    .summary("Our error cost the customer time, not goods: a discount on the order.");
        } else if (s.suspectedRootCause() == RootCause.BILLING) {
            d.kind(RemedyKind.REFUND_FULL, "We refund the wrong charge of " + Monies.format(s.orderAmount()) + " in full.")
                    .amount(s.orderAmount())
                    .summary("Our billing error: the wrong charge is refunded.");
        } else {
            d.kind(RemedyKind.REPLACEMENT, "We " + replacementWords(s.suspectedRootCause()) + ".")
                    .summary("Our error: we reverse it with a replacement.");
        }
        d.openQuestionIfCalm();
        // the weighing: a gesture on top when not making it right costs clearly more than the remedy itself
        if (d.kind != RemedyKind.GOODWILL_GESTURE) {
            Money cost = d.baseCost();
            BigDecimal ratio = p.goodwill().whenInactionExceedsCostBy();
            boolean worthIt = d.in.costOfInaction().getAmount().signum() > 0
                    && d.in.costOfInaction().getAmount().compareTo(cost.getAmount().multiply(ratio)) >= 0;
            d.note("weighing", Monies.format(d.in.costOfInaction()) + " vs " + Monies.format(cost),
                    worthIt ? "inaction costs at least " + ratio + "x the remedy: a goodwill gesture on top"
                            : "the remedy covers what is at stake: no gesture needed");
            if (worthIt || s.reopenedRound()) {
                d.gesture(false);
            }
        }
        return d.build();
    }

    private Terms misunderstanding(Situation s, Draft d) {
        boolean unclear = POLICY_WAS_UNCLEAR.contains(s.suspectedRootCause());
        d.note("policyClarity", s.suspectedRootCause().name(), unclear
                ? "our own policy or promise was unclear: we honour what the customer understood"
                : "the policy was clear: explain it, with a gesture, not a refund");
        Optional<Wish> wish = wish(s, d, unclear);
        if (unclear && wish.isPresent()) {
            adoptWish(s, d, wish.get());
        } else if (unclear && s.hasOrder()) {
            d.kind(RemedyKind.REFUND_FULL, "Our policy was not as clear as it should have been, so we honour what you understood: "
                            + "we take it back and refund " + Monies.format(s.orderAmount()) + ".")
                    .amount(s.orderAmount())
                    .summary("A misunderstanding our own unclear policy caused: we honour the customer's reading.");
        } else {
            d.kind(RemedyKind.POLICY_EXPLANATION, "We explain our policy clearly and what it means for you, "
                            + "and add a small gesture for the confusion.")
                    .summary("A misunderstanding of a clear policy: an explanation with a gesture, not a refund.");
            d.gesture(true);
        }
        d.openQuestionIfCalm();
        return d.build();
    }

    private Terms misplacedHostility(Situation s, Draft d) {
        d.kind(RemedyKind.GOODWILL_GESTURE, "We help you sort out \"" + s.subject() + "\" right away, "
                        + "and add a small thank-you for your patience.")
                .summary("The anger comes from elsewhere: we help with the actual problem, kindly, with a small gesture.");
        d.gesture(true);
        d.openQuestionIfCalm();
        return d.build();
    }

    private Terms unreasonable(Situation s, Draft d) {
        wish(s, d, false);
        PolicyProperties.Disengage rule = p.disengage();
        boolean hostile = s.anger().compareTo(rule.fromAnger()) >= 0;
        boolean repeated = s.anger().compareTo(Anger.ANGRY) >= 0 && s.history().complaints() >= rule.repeatComplaints();
        d.note("history.complaintsLast12Months", String.valueOf(s.history().complaints()),
                repeated ? "at least " + rule.repeatComplaints() + " and angry: a pattern" : "no pattern of complaints");
        if (hostile || repeated) {
            disengage(s, d, hostile ? "Unreasonable demands made with hostility (" + s.anger() + "): "
                    : "Unreasonable and angry for the " + (s.history().complaints() + 1) + "th time in 12 months: ");
            return d.build();
        }
        d.kind(RemedyKind.POLICY_EXPLANATION, "We explain kindly and clearly what we can and cannot do for you.")
                .summary("The demand is beyond reason: a clear, polite explanation of what we can do, and no reward for it.");
        d.openQuestionIfCalm();
        return d.build();
    }

    private Terms suspectedAbuse(Situation s, Draft d) {
        PolicyProperties.Abuse rule = p.abuse();
        List<String> evidence = new ArrayList<>();
        if (s.history().neverArrived() >= rule.neverArrivedThreshold()) {
            evidence.add(s.history().neverArrived() + " earlier never-arrived claims");
        }
        if (s.history().refunds() >= rule.refundThreshold()) {
            evidence.add(s.history().refunds() + " refunds");
        }
        if (!s.abuseSignals().isEmpty()) {
            evidence.add("signals " + String.join(", ", s.abuseSignals()));
        }
        if (s.causeConfidence() >= rule.confidentAbove()) {
            evidence.add("triage is " + Figures.percent(BigDecimal.valueOf(s.causeConfidence())) + " sure");
        }
        d.note("abuseEvidence", evidence.isEmpty() ? "none" : String.join("; ", evidence), evidence.isEmpty()
                ? "a suspicion without evidence: the benefit of the doubt, but never a refund first"
                : "evidence of abuse: the item comes back and is inspected before any refund");
        if (!evidence.isEmpty()) {
            d.kind(RemedyKind.INSPECTION, "Please return the item at our cost (for a missing delivery, we investigate it with the carrier). "
                            + "We inspect it and refund in full if the fault is confirmed.")
                    .summary("Suspected abuse with evidence (" + String.join("; ", evidence) + "): inspection before any refund.");
        } else if (s.hasOrder()) {
            d.kind(RemedyKind.REPLACEMENT, "We send you a replacement at our cost.")
                    .summary("Suspected abuse without evidence: a replacement, the benefit of the doubt without a refund.");
        } else {
            d.kind(RemedyKind.POLICY_EXPLANATION, "We explain what we need from you to look into this further.")
                    .summary("Suspected abuse with no order to check: we ask for the facts.");
        }
        return d.build();
    }

    private Terms flagged(Situation s, Draft d) {
        d.note("doNotServe", "true", "flagged: the business decided to stop serving this customer; a supervisor "
                + "confirms refunding and disengaging again, or rejects it to treat the complaint on its merits");
        disengage(s, d, "A customer we decided not to serve complains again: ");
        d.minimumAuthority = AuthorityLevel.SUPERVISOR;
        return d.build();
    }

    private void disengage(Situation s, Draft d, String why) {
        Money refund = s.hasOrder() ? s.orderAmount() : Monies.zero(d.currency);
        d.kind(RemedyKind.REFUND_AND_DISENGAGE, (s.hasOrder() ? "We refund your order in full (" + Monies.format(refund) + "). " : "")
                        + "We are sorry that we cannot meet your expectations; we think you will be better served elsewhere, "
                        + "so we will not take further orders from you. We wish you well.")
                .amount(refund)
                .summary(why + "refund and part ways politely.");
        d.openQuestion = null;
    }

    private Optional<Wish> wish(Situation s, Draft d, boolean considered) {
        if (s.desiredOutcome() == null || s.desiredOutcome().isBlank()) {
            d.note("desiredOutcome", "none", "nothing asked: we propose");
            return Optional.empty();
        }
        Optional<Wish> wish = DesiredOutcome.read(s.desiredOutcome(), s.orderAmount());
        String reason = wish.isEmpty() ? "not a remedy we can map to; the offer stands"
                : !considered ? "not taken into account for a " + s.cause() + " complaint"
                : unreasonable(s, wish.get());
        if (reason != null) {
            d.note("desiredOutcome", s.desiredOutcome(), reason);
            return Optional.empty();
        }
        d.note("desiredOutcome", s.desiredOutcome(), "within reason: " + wish.get().kind() + " as asked");
        return wish;
    }

    /** Why a wish is beyond reason, or null when it is within it. */
    private String unreasonable(Situation s, Wish wish) {
        if (Figures.NEEDS_ORDER.contains(wish.kind()) && !s.hasOrder()) {
            return "no order to apply " + wish.kind() + " to";
        }
        BigDecimal cap = s.hasOrder() ? s.orderAmount().getAmount() : figures.figure(p.goodwill().max(), figures.currency(s)).getAmount();
        if (wish.amount() != null && wish.amount().compareTo(cap) > 0) {
            return "beyond reason: asks " + wish.amount().toPlainString() + " where " + cap.toPlainString() + " "
                    + figures.currency(s) + (s.hasOrder() ? " was paid" : " is the most we give without an order");
        }
        if (wish.kind() == RemedyKind.REFUND_FULL && s.completedFraction() != null && s.completedFraction().signum() > 0) {
            return "a full refund for work partly delivered is beyond reason";
        }
        return null;
    }

    private void adoptWish(Situation s, Draft d, Wish wish) {
        String c = figures.currency(s);
        switch (wish.kind()) {
            case REFUND_FULL -> d.kind(RemedyKind.REFUND_FULL, "As you asked, we refund " + Monies.format(s.orderAmount()) + " in full.")
                    .amount(s.orderAmount());
            case REFUND_PARTIAL -> {
                Money m = Monies.rounded(wish.amount(), c);
                d.kind(RemedyKind.REFUND_PARTIAL, "As you asked, we refund " + Monies.format(m) + ".").amount(m);
            }
            case STORE_CREDIT -> {
                Money m = wish.amount() == null ? s.orderAmount() : Monies.rounded(wish.amount(), c);
                d.kind(RemedyKind.STORE_CREDIT, "As you asked, we give you " + Monies.format(m) + " in store credit.").amount(m);
            }
            case DISCOUNT -> {
                Money m = wish.amount() == null ? Figures.share(s.orderAmount(), p.costs().discountShare()) : Monies.rounded(wish.amount(), c);
                d.kind(RemedyKind.DISCOUNT, "As you asked, we take " + Monies.format(m) + " off your order.").amount(m);
            }
            case REDO -> d.kind(RemedyKind.REDO, "As you asked, we redo the work properly, at no charge to you.");
            default -> d.kind(RemedyKind.REPLACEMENT, "As you asked, we " + replacementWords(s.suspectedRootCause()) + ".");
        }
        d.summary("Our error" + (s.cause() == Cause.MISUNDERSTANDING ? " (an unclear policy)" : "")
                + ": we do what the customer asked, as it is within reason.");
    }

    /** What a replacement means for this kind of fault, in the customer's terms. */
    private static String replacementWords(RootCause rootCause) {
        return switch (rootCause) {
            case PACKING_ERROR -> "send you what was missing or wrong in your order at our cost; keep or return"
                    + " anything we sent by mistake, as you prefer";
            case DELIVERY -> "send you a new one at our cost; there is nothing you need to send back";
            case PRODUCT_QUALITY -> "replace the faulty item at our cost and collect the faulty one from you";
            default -> "send you the right item at our cost; keep or return the wrong one, as you prefer";
        };
    }

    /** The offer being put together. */
    private final class Draft {
        final Situation s;
        final CostOfInaction.Inaction in;
        final String currency;
        final List<Note> notes;
        RemedyKind kind;
        String description;
        Money amount;
        Gesture gesture;
        String openQuestion;
        String summary;
        AuthorityLevel minimumAuthority = AuthorityLevel.AGENT;

        Draft(Situation s, CostOfInaction.Inaction in) {
            this.s = s;
            this.in = in;
            this.currency = figures.currency(s);
            this.notes = new ArrayList<>(in.notes());
        }

        void note(String name, String value, String effect) {
            notes.add(new Note(name, value, effect));
        }

        Draft kind(RemedyKind kind, String description) {
            this.kind = kind;
            this.description = description;
            return this;
        }

        Draft amount(Money amount) {
            this.amount = amount;
            return this;
        }

        Draft summary(String summary) {
            this.summary = summary;
            return this;
        }

        void openQuestionIfCalm() {
            boolean calm = s.anger().compareTo(Anger.UPSET) <= 0;
            openQuestion = calm && Figures.negotiable(kind) ? OPEN_QUESTION : null;
            note("openQuestion", calm ? "asked" : "not asked", calm ? s.anger() + ": we ask what would make it right"
                    : s.anger() + ": a specific remedy, not an open question");
        }

        Money baseCost() {
            return Terms.total(figures.lines(s, kind, amount, null, currency), currency);
        }

        /** A gesture sized by policy: a share of what is left unrepaired, between min and max; more on a reopened round. */
        void gesture(boolean always) {
            Gestures.Sized sized = gestures.size(s, in.costOfInaction(), baseCost(), always);
            gesture = sized.gesture();
            notes.add(sized.note());
        }

        Terms build() {
            List<Line> lines = figures.lines(s, kind, amount, gesture, currency);
            Money cost = Terms.total(lines, currency);
            String text = gesture == null ? description : description + " " + gesture.description();
            Why why = new Why(cost, in.costOfInaction(), notes, summary + " Remedy " + Monies.format(cost)
                    + " against " + Monies.format(in.costOfInaction()) + " at stake.");
            return new Terms(kind, text, amount, gesture, openQuestion, cost, lines, minimumAuthority, false, why);
        }
    }
}
