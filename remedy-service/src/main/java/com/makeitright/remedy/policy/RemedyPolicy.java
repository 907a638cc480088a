package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.Anger;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.Cause;
import com.makeitright.events.CostCategory;
import com.makeitright.events.Money;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RootCause;
import com.makeitright.remedy.policy.DesiredOutcome.Wish;
import com.makeitright.remedy.policy.Terms.Gesture;
import com.makeitright.remedy.policy.Terms.Line;
import com.makeitright.remedy.policy.Terms.Note;
import com.makeitright.remedy.policy.Terms.Why;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shop owner's remedy policy: for a complaint it weighs the cost of a remedy against the cost of not
 * making it right and chooses one concrete remedy, with every figure it weighed; it sizes better offers after a
 * decline, judges counter-proposals, fits an offer to an agent's authority and prices a fulfilled remedy for
 * the books. Pure: no clock, no Kafka; the same situation always gets the same answer.
 */
public final class RemedyPolicy {

    static final String OPEN_QUESTION = "What can we do to make this right for you?";

    /** Remedies that are the business's terms, not a bargaining position: a decline leads to mediation. */
    private static final Set<RemedyKind> NON_NEGOTIABLE =
            EnumSet.of(RemedyKind.MEDIATION, RemedyKind.INSPECTION, RemedyKind.REFUND_AND_DISENGAGE);
    /** Remedies that follow from policy rather than from anyone's discretion: no approval needed. */
    private static final Set<RemedyKind> BY_POLICY = EnumSet.of(RemedyKind.MEDIATION, RemedyKind.INSPECTION);
    private static final Set<RemedyKind> MONEY_KINDS = EnumSet.of(RemedyKind.REFUND_FULL, RemedyKind.REFUND_PARTIAL,
            RemedyKind.REFUND_PRORATED, RemedyKind.STORE_CREDIT, RemedyKind.DISCOUNT, RemedyKind.REFUND_AND_DISENGAGE);
    private static final Set<RemedyKind> NEEDS_ORDER = EnumSet.of(RemedyKind.REPLACEMENT, RemedyKind.REDO,
            RemedyKind.REFUND_FULL, RemedyKind.REFUND_PARTIAL, RemedyKind.REFUND_PRORATED, RemedyKind.DISCOUNT);
    private static final Set<RootCause> POLICY_WAS_UNCLEAR = EnumSet.of(RootCause.UNCLEAR_POLICY, RootCause.SALES_PROMISE);
    private static final Set<RootCause> ANNOYANCE =
            EnumSet.of(RootCause.WAITING_TIME, RootCause.INTERFACE_PROBLEM, RootCause.SALES_PROMISE);

    private final PolicyProperties p;

    public RemedyPolicy(PolicyProperties properties) {
        this.p = properties;
    }

    // ------------------------------------------------------------------------------------------ the first offer

    /** The remedy the business offers first for this complaint round. */
    public Terms choose(Situation s) {
        Inaction in = inaction(s);
        Draft d = new Draft(s, in);
        if (s.reopenedRound()) {
            d.note("round", String.valueOf(s.round()), "reopened after an unsatisfying follow-up"
                    + (s.reopened() != null && s.reopened().score() != null ? " (score " + s.reopened().score() + ")" : "")
                    + ": a fresh negotiation with the gesture multiplied by " + p.getGoodwill().getReopenMultiplier());
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
        } else if (fraction != null && fraction.signum() > 0 && fraction.compareTo(BigDecimal.ONE) < 0) {
            BigDecimal undelivered = BigDecimal.ONE.subtract(fraction);
            Money refund = Monies.rounded(s.orderAmount().getAmount().multiply(undelivered), s.orderAmount().getCurrency());
            d.note("order.completedFraction", fraction.stripTrailingZeros().toPlainString(),
                    "work partly delivered: refund the undelivered " + percent(undelivered) + " of " + Monies.format(s.orderAmount()));
            d.kind(RemedyKind.REFUND_PRORATED, "We refund the " + percent(undelivered) + " of the work we did not deliver: "
                            + Monies.format(refund) + ".")
                    .amount(refund)
                    .summary("Our error on work partly delivered: a refund pro-rated to the undelivered part.");
        } else if (fraction != null && fraction.signum() == 0) {
            d.note("order.completedFraction", "0", "nothing delivered: refund in full");
            d.kind(RemedyKind.REFUND_FULL, "Nothing was delivered, so we refund you in full: " + Monies.format(s.orderAmount()) + ".")
                    .amount(s.orderAmount())
                    .summary("Our error and nothing delivered: a full refund.");
        } else if (wish.isPresent()) {
            adoptWish(s, d, wish.get());
        } else if (fraction != null || s.suspectedRootCause() == RootCause.SERVICE_QUALITY) {
            d.kind(RemedyKind.REDO, "We redo the work properly, at no charge to you.")
                    .summary("Our error on work delivered: we redo it.");
        } else if (ANNOYANCE.contains(s.suspectedRootCause())) {
            Money discount = share(s.orderAmount(), p.getCosts().getDiscountShare());
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
            BigDecimal ratio = p.getGoodwill().getWhenInactionExceedsCostBy();
            boolean worthIt = d.in.costOfInaction.getAmount().signum() > 0
                    && d.in.costOfInaction.getAmount().compareTo(cost.getAmount().multiply(ratio)) >= 0;
            d.note("weighing", Monies.format(d.in.costOfInaction) + " vs " + Monies.format(cost),
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
        PolicyProperties.Disengage rule = p.getDisengage();
        boolean hostile = s.anger().compareTo(rule.getFromAnger()) >= 0;
        boolean repeated = s.anger().compareTo(Anger.ANGRY) >= 0 && s.history().complaints() >= rule.getRepeatComplaints();
        d.note("history.complaintsLast12Months", String.valueOf(s.history().complaints()),
                repeated ? "at least " + rule.getRepeatComplaints() + " and angry: a pattern" : "no pattern of complaints");
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
        PolicyProperties.Abuse rule = p.getAbuse();
        List<String> evidence = new ArrayList<>();
        if (s.history().neverArrived() >= rule.getNeverArrivedThreshold()) {
            evidence.add(s.history().neverArrived() + " earlier never-arrived claims");
        }
        if (s.history().refunds() >= rule.getRefundThreshold()) {
            evidence.add(s.history().refunds() + " refunds");
        }
        if (!s.abuseSignals().isEmpty()) {
            evidence.add("signals " + String.join(", ", s.abuseSignals()));
        }
        if (s.causeConfidence() >= rule.getConfidentAbove()) {
            evidence.add("triage is " + percent(BigDecimal.valueOf(s.causeConfidence())) + " sure");
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
        if (NEEDS_ORDER.contains(wish.kind()) && !s.hasOrder()) {
            return "no order to apply " + wish.kind() + " to";
        }
        BigDecimal cap = s.hasOrder() ? s.orderAmount().getAmount() : figure(p.getGoodwill().getMax(), currency(s)).getAmount();
        if (wish.amount() != null && wish.amount().compareTo(cap) > 0) {
            return "beyond reason: asks " + wish.amount().toPlainString() + " where " + cap.toPlainString() + " "
                    + currency(s) + (s.hasOrder() ? " was paid" : " is the most we give without an order");
        }
        if (wish.kind() == RemedyKind.REFUND_FULL && s.completedFraction() != null && s.completedFraction().signum() > 0) {
            return "a full refund for work partly delivered is beyond reason";
        }
        return null;
    }

    private void adoptWish(Situation s, Draft d, Wish wish) {
        String c = currency(s);
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
                Money m = wish.amount() == null ? share(s.orderAmount(), p.getCosts().getDiscountShare()) : Monies.rounded(wish.amount(), c);
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

    // ------------------------------------------------------------------------------------ during the negotiation

    public boolean negotiable(RemedyKind kind) {
        return !NON_NEGOTIABLE.contains(kind);
    }

    public int maxRounds() {
        return p.getNegotiation().getMaxRounds();
    }

    /** A better offer after a decline: the same remedy with a gesture larger by the decline step. */
    public Terms improve(Situation s, Terms declined, int declinedRound, String why) {
        String c = declined.currency();
        Money step = figure(p.getGoodwill().getDeclineStep(), c);
        Money before = declined.gesture() == null ? Monies.zero(c) : declined.gesture().value();
        Money raised = Monies.add(before, step);
        Gesture gesture = new Gesture(giftText(raised), raised);
        List<Line> lines = new ArrayList<>(declined.costLines().stream().filter(l -> l.category() != CostCategory.GIFT).toList());
        lines.add(new Line(CostCategory.GIFT, raised));
        Money cost = Terms.total(lines, c);
        Why reasoning = new Why(cost, declined.reasoning().costOfInaction(), declined.reasoning().factors(),
                "A better offer after offer " + declinedRound + " was declined: the gesture grows to " + Monies.format(raised) + ".")
                .plus(new Note("negotiationRound", String.valueOf(declinedRound), why + ": gesture raised by "
                        + Monies.format(step) + " to " + Monies.format(raised)));
        String description = baseDescription(declined) + " " + gesture.description();
        return new Terms(declined.kind(), description, declined.amount(), gesture, declined.openQuestion(), cost,
                lines, declined.minimumAuthority(), false, reasoning);
    }

    /** Mediation: an independent third party, once the bounded negotiation reached no agreement. */
    public Terms mediation(Situation s, Terms last, String why) {
        String c = last.currency();
        Money fee = figure(p.getCosts().getMediation(), c);
        List<Line> lines = List.of(new Line(CostCategory.MEDIATION, fee));
        Why reasoning = new Why(fee, last.reasoning().costOfInaction(), last.reasoning().factors(),
                "No agreement within the bounded negotiation: an independent mediator, at our cost.")
                .plus(new Note("mediation", Monies.format(fee), why));
        return new Terms(RemedyKind.MEDIATION, "We could not agree between us, so we propose an independent mediator "
                + "to find a fair solution; we pay the mediator's fee.", null, null, null, fee, lines,
                AuthorityLevel.AGENT, false, reasoning);
    }

    /** Judges a counter-proposal: the customer's terms if they are within reason, else why not. */
    public CounterVerdict counter(Situation s, Counter counter, Terms countered) {
        String c = countered.currency();
        RemedyKind kind = counter.kind();
        if (kind == RemedyKind.INSPECTION || kind == RemedyKind.REFUND_AND_DISENGAGE) {
            return CounterVerdict.refused(kind + " is not a remedy a customer proposes");
        }
        if (countered.kind() == RemedyKind.INSPECTION && kind != RemedyKind.MEDIATION) {
            return CounterVerdict.refused("suspected abuse: nothing is given before the item is inspected");
        }
        if (NEEDS_ORDER.contains(kind) && !s.hasOrder()) {
            return CounterVerdict.refused("no order to apply " + kind + " to");
        }
        Money amount = counter.amount();
        if (amount != null && !amount.getCurrency().equals(c)) {
            return CounterVerdict.refused("asked in " + amount.getCurrency() + " where the order is in " + c);
        }
        if (amount == null && kind == RemedyKind.REFUND_FULL) {
            amount = s.orderAmount();
        }
        boolean needsAmount = MONEY_KINDS.contains(kind) || kind == RemedyKind.GOODWILL_GESTURE;
        if (needsAmount && amount == null) {
            return CounterVerdict.refused(kind + " without an amount cannot be weighed");
        }
        Money cap = s.hasOrder() ? s.orderAmount() : figure(p.getGoodwill().getMax(), c);
        if (amount != null && Monies.compare(amount, cap) > 0) {
            return CounterVerdict.refused("asks " + Monies.format(amount) + ", more than the " + Monies.format(cap)
                    + (s.hasOrder() ? " paid" : " we give without an order"));
        }
        Gesture gesture = kind == RemedyKind.GOODWILL_GESTURE ? new Gesture(giftText(amount), amount) : null;
        Money money = kind == RemedyKind.GOODWILL_GESTURE || !MONEY_KINDS.contains(kind) ? null : amount;
        List<Line> lines = lines(s, kind, money, gesture, c);
        Money cost = Terms.total(lines, c);
        String words = counter.description() == null || counter.description().isBlank() ? "" : " (\"" + counter.description() + "\")";
        String description = "As you proposed" + words + ": " + kindText(kind, money, gesture);
        Why reasoning = new Why(cost, countered.reasoning().costOfInaction(), countered.reasoning().factors(),
                "The customer's counter-proposal is within reason: " + kind + " costing " + Monies.format(cost) + ".")
                .plus(new Note("counter", kind + (amount == null ? "" : " " + Monies.format(amount)),
                        "within reason (at most what was paid); granted within the authority it needs"));
        return CounterVerdict.granted(new Terms(kind, description, money, gesture, null, cost, lines,
                AuthorityLevel.AGENT, true, reasoning));
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
        Money limit = figure(p.getAuthority().getAgent(), c);
        Terms fitted = t;
        if (fitted.minimumAuthority() != AuthorityLevel.AGENT || fitted.kind() == RemedyKind.REFUND_AND_DISENGAGE) {
            // the supervisor decided against parting ways: the complaint on its merits, or a clear explanation
            fitted = choose(s.withoutDoNotServe());
            if (fitted.kind() == RemedyKind.REFUND_AND_DISENGAGE) {
                Draft d = new Draft(s, inaction(s));
                d.kind(RemedyKind.POLICY_EXPLANATION, "We explain kindly and clearly what we can and cannot do for you.")
                        .summary("Not parting ways after all: a clear explanation of what we can do, and no reward for hostility.");
                fitted = d.build();
            }
        }
        if (authority(fitted).level() != AuthorityLevel.AGENT && fitted.gesture() != null) {
            List<Line> lines = fitted.costLines().stream().filter(l -> l.category() != CostCategory.GIFT).toList();
            fitted = new Terms(fitted.kind(), baseDescription(fitted), fitted.amount(), null, fitted.openQuestion(),
                    Terms.total(lines, c), lines, AuthorityLevel.AGENT, false, fitted.reasoning());
        }
        if (authority(fitted).level() != AuthorityLevel.AGENT) {
            RemedyKind kind = MONEY_KINDS.contains(fitted.kind()) && fitted.kind() != RemedyKind.REFUND_AND_DISENGAGE
                    ? (fitted.kind() == RemedyKind.STORE_CREDIT || fitted.kind() == RemedyKind.DISCOUNT ? fitted.kind() : RemedyKind.REFUND_PARTIAL)
                    : RemedyKind.STORE_CREDIT;
            List<Line> lines = lines(s, kind, limit, null, c);
            fitted = new Terms(kind, kindText(kind, limit, null), limit, null, fitted.openQuestion(),
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
        List<Line> lines = lines(s, RemedyKind.REFUND_FULL, refund, null, c);
        Money cost = Terms.total(lines, c);
        Why reasoning = new Why(cost, inspection.reasoning().costOfInaction(), inspection.reasoning().factors(),
                "The inspection confirmed the fault: the withheld refund is owed in full.")
                .plus(new Note("inspectionResult", "FAULT_CONFIRMED", "the claim is upheld: refund in full"));
        return new Terms(RemedyKind.REFUND_FULL, "The inspection confirmed the fault. We are sorry for the doubt: "
                + "we refund " + Monies.format(refund) + " in full.", refund, null, null, cost, lines,
                AuthorityLevel.AGENT, false, reasoning);
    }

    /** Who may grant these terms, and whether an agent must ask. */
    public Authority authority(Terms t) {
        if (BY_POLICY.contains(t.kind())) {
            return new Authority(AuthorityLevel.AGENT, false);
        }
        String c = t.currency();
        AuthorityLevel level;
        if (Monies.compare(t.estimatedCost(), figure(p.getAuthority().getAgent(), c)) <= 0) {
            level = AuthorityLevel.AGENT;
        } else if (Monies.compare(t.estimatedCost(), figure(p.getAuthority().getSupervisor(), c)) <= 0) {
            level = AuthorityLevel.SUPERVISOR;
        } else {
            level = AuthorityLevel.OWNER;
        }
        if (t.minimumAuthority().compareTo(level) > 0) {
            level = t.minimumAuthority();
        }
        return new Authority(level, level != AuthorityLevel.AGENT);
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
            return List.of(new Line(mainCategory(t.kind()), actualCost));
        }
        int at = main < 0 ? 0 : main;
        lines.set(at, new Line(lines.get(at).category(), actualCost));
        return List.copyOf(lines);
    }

    public Instant expiresAt(Instant now) {
        return now.plus(p.getNegotiation().getOfferExpiry());
    }

    public Instant approvalDueBy(Instant now) {
        return now.plus(p.getNegotiation().getApprovalTimeout());
    }

    public Instant deliverBy(RemedyKind kind, Instant now) {
        Duration within = p.getDeliverWithin().get(kind);
        return now.plus(within);
    }

    public Money zero(Situation s) {
        return Monies.zero(currency(s));
    }

    // ------------------------------------------------------------------------------------------------- figures

    String currency(Situation s) {
        return s.hasOrder() ? s.orderAmount().getCurrency() : p.getDefaultCurrency();
    }

    /** A configured figure in the given currency (scaled by its currency factor, if any). */
    Money figure(BigDecimal figure, String currency) {
        BigDecimal factor = p.getCurrencyFactors().getOrDefault(currency, BigDecimal.ONE);
        return Monies.rounded(figure.multiply(factor), currency);
    }

    private static Money share(Money amount, BigDecimal share) {
        return Monies.rounded(amount.getAmount().multiply(share), amount.getCurrency());
    }

    /** The cost of not making it right, with the factors behind it. */
    Inaction inaction(Situation s) {
        String c = currency(s);
        PolicyProperties.Weights w = p.getWeights();
        List<Note> notes = new ArrayList<>();
        Money orderValue = s.hasOrder() ? s.orderAmount() : figure(p.getNoOrderValue(), c);
        notes.add(new Note("orderValue", Monies.format(orderValue), s.hasOrder() ? "what the customer paid"
                : "no order: the configured value of a customer's order"));
        BigDecimal tier = w.getTier().get(s.tier());
        notes.add(new Note("tier", s.tier().name(), "x" + tier.toPlainString() + " expected further orders"));
        int years = 0;
        if (s.history().customerSince() != null && s.acknowledgedAt() != null) {
            years = Math.max(0, Math.min(10, Period.between(s.history().customerSince(),
                    s.acknowledgedAt().atZone(ZoneOffset.UTC).toLocalDate()).getYears()));
        }
        BigDecimal loyalty = BigDecimal.ONE.add(w.getLoyaltyPerYear().multiply(BigDecimal.valueOf(years)));
        notes.add(new Note("customerSince", s.history().customerSince() == null ? "unknown" : s.history().customerSince().toString(),
                years + " years (up to 10 count): x" + loyalty.stripTrailingZeros().toPlainString()));
        BigDecimal refundFactor = BigDecimal.ONE.subtract(w.getRefundPenalty().multiply(BigDecimal.valueOf(s.history().refunds())))
                .max(BigDecimal.ZERO);
        notes.add(new Note("history", s.history().complaints() + " complaints, " + s.history().refunds() + " refunds, "
                + s.history().neverArrived() + " never-arrived in 12 months",
                "refunds lower the value: x" + refundFactor.stripTrailingZeros().toPlainString()));
        Money customerValue = Monies.rounded(orderValue.getAmount().multiply(tier).multiply(loyalty).multiply(refundFactor), c);
        notes.add(new Note("customerValue", Monies.format(customerValue), "order value x tier x loyalty x refund history"));
        BigDecimal churn = w.getAnger().get(s.anger());
        notes.add(new Note("anger", s.anger().name(), "x" + churn.toPlainString() + " chance they leave if nothing is done"));
        BigDecimal reach = w.getChannel().get(s.channel());
        notes.add(new Note("reach", s.channel().name(), "x" + reach.toPlainString() + (reach.compareTo(BigDecimal.ONE) > 0
                ? ": others hear of it" : ": a private conversation")));
        BigDecimal cause = w.getCause().get(s.cause());
        notes.add(new Note("cause", s.cause().name(), "x" + cause.toPlainString() + " of it is ours to win back"));
        Money costOfInaction = Monies.rounded(customerValue.getAmount().multiply(churn).multiply(reach).multiply(cause), c);
        notes.add(new Note("costOfInaction", Monies.format(costOfInaction), "customer value x anger x reach x cause"));
        return new Inaction(costOfInaction, notes);
    }

    record Inaction(Money costOfInaction, List<Note> notes) {
    }

    private List<Line> lines(Situation s, RemedyKind kind, Money amount, Gesture gesture, String c) {
        List<Line> lines = new ArrayList<>();
        Money order = s.hasOrder() ? s.orderAmount() : figure(p.getNoOrderValue(), c);
        switch (kind) {
            case REPLACEMENT -> lines.add(new Line(CostCategory.GOODS_AT_COST, share(order, p.getCosts().getGoodsShare())));
            case REDO -> lines.add(new Line(CostCategory.SERVICE_AT_COST, share(order, p.getCosts().getServiceShare())));
            case REFUND_FULL, REFUND_PARTIAL, REFUND_PRORATED, REFUND_AND_DISENGAGE -> lines.add(new Line(CostCategory.REFUND, amount));
            case STORE_CREDIT -> lines.add(new Line(CostCategory.STORE_CREDIT, amount));
            case DISCOUNT -> lines.add(new Line(CostCategory.DISCOUNT, amount));
            case MEDIATION -> lines.add(new Line(CostCategory.MEDIATION, figure(p.getCosts().getMediation(), c)));
            case INSPECTION -> lines.add(new Line(CostCategory.SERVICE_AT_COST, figure(p.getCosts().getInspection(), c)));
            case POLICY_EXPLANATION, GOODWILL_GESTURE -> {
                // the explanation or the help costs no more than the gesture
            }
        }
        if (gesture != null) {
            lines.add(new Line(CostCategory.GIFT, gesture.value()));
        }
        return lines;
    }

    private static CostCategory mainCategory(RemedyKind kind) {
        return switch (kind) {
            case REPLACEMENT -> CostCategory.GOODS_AT_COST;
            case REDO, INSPECTION -> CostCategory.SERVICE_AT_COST;
            case STORE_CREDIT -> CostCategory.STORE_CREDIT;
            case DISCOUNT -> CostCategory.DISCOUNT;
            case MEDIATION -> CostCategory.MEDIATION;
            case POLICY_EXPLANATION, GOODWILL_GESTURE -> CostCategory.GIFT;
            default -> CostCategory.REFUND;
        };
    }

    private static String kindText(RemedyKind kind, Money money, Gesture gesture) {
        return switch (kind) {
            case REPLACEMENT -> "we send a replacement at our cost.";
            case REDO -> "we redo the work at no charge.";
            case REFUND_FULL -> "we refund " + Monies.format(money) + " in full.";
            case REFUND_PARTIAL, REFUND_PRORATED -> "we refund " + Monies.format(money) + ".";
            case STORE_CREDIT -> "we give you " + Monies.format(money) + " in store credit.";
            case DISCOUNT -> "we take " + Monies.format(money) + " off your order.";
            case MEDIATION -> "an independent mediator, at our cost.";
            case GOODWILL_GESTURE -> "a gesture of " + Monies.format(gesture.value()) + ".";
            default -> "we explain our policy clearly.";
        };
    }

    private static String giftText(Money value) {
        return "And a thank-you gift worth " + Monies.format(value) + ".";
    }

    private static String baseDescription(Terms t) {
        if (t.gesture() == null) {
            return t.description();
        }
        String gift = " " + t.gesture().description();
        return t.description().endsWith(gift) ? t.description().substring(0, t.description().length() - gift.length())
                : t.description();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** The offer being put together. */
    private final class Draft {
        final Situation s;
        final Inaction in;
        final String currency;
        final List<Note> notes;
        RemedyKind kind;
        String description;
        Money amount;
        Gesture gesture;
        String openQuestion;
        String summary;
        AuthorityLevel minimumAuthority = AuthorityLevel.AGENT;

        Draft(Situation s, Inaction in) {
            this.s = s;
            this.in = in;
            this.currency = currency(s);
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
            openQuestion = calm && negotiable(kind) ? OPEN_QUESTION : null;
            note("openQuestion", calm ? "asked" : "not asked", calm ? s.anger() + ": we ask what would make it right"
                    : s.anger() + ": a specific remedy, not an open question");
        }

        Money baseCost() {
            return Terms.total(lines(s, kind, amount, null, currency), currency);
        }

        /** A gesture sized by policy: a share of what is left unrepaired, between min and max; more on a reopened round. */
        void gesture(boolean always) {
            PolicyProperties.Goodwill g = p.getGoodwill();
            BigDecimal gap = in.costOfInaction().getAmount().subtract(baseCost().getAmount()).max(BigDecimal.ZERO);
            BigDecimal min = figure(g.getMin(), currency).getAmount();
            BigDecimal max = figure(g.getMax(), currency).getAmount();
            BigDecimal size = gap.multiply(g.getShare()).max(min).min(max);
            if (s.reopenedRound()) {
                size = size.multiply(g.getReopenMultiplier());
            }
            Money value = Monies.rounded(size, currency);
            gesture = new Gesture(giftText(value), value);
            note("goodwill", Monies.format(value), (always ? "part of this remedy" : "on top")
                    + ": " + g.getShare() + " of the unrepaired " + Monies.format(Monies.rounded(gap, currency))
                    + ", between " + Monies.format(figure(g.getMin(), currency)) + " and " + Monies.format(figure(g.getMax(), currency))
                    + (s.reopenedRound() ? ", x" + g.getReopenMultiplier() + " for a reopened round" : ""));
        }

        Terms build() {
            List<Line> lines = lines(s, kind, amount, gesture, currency);
            Money cost = Terms.total(lines, currency);
            String text = gesture == null ? description : description + " " + gesture.description();
            Why why = new Why(cost, in.costOfInaction(), notes, summary + " Remedy " + Monies.format(cost)
                    + " against " + Monies.format(in.costOfInaction()) + " at stake.");
            return new Terms(kind, text, amount, gesture, openQuestion, cost, lines, minimumAuthority, false, why);
        }
    }
}
