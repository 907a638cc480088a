package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.CostCategory;
import com.makeitright.events.Money;
import com.makeitright.events.RemedyKind;
import com.makeitright.remedy.policy.Terms.Gesture;
import com.makeitright.remedy.policy.Terms.Line;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The policy's arithmetic and wording shared by every decision: the currency of a complaint, configured figures
 * in that currency, what a remedy costs the business line by line, and the words for a kind of remedy.
 */
record Figures(PolicyProperties p) {

    /** Remedies that are the business's terms, not a bargaining position: a decline leads to mediation. */
    static final Set<RemedyKind> NON_NEGOTIABLE =
            EnumSet.of(RemedyKind.MEDIATION, RemedyKind.INSPECTION, RemedyKind.REFUND_AND_DISENGAGE);
    static final Set<RemedyKind> MONEY_KINDS = EnumSet.of(RemedyKind.REFUND_FULL, RemedyKind.REFUND_PARTIAL,
            RemedyKind.REFUND_PRORATED, RemedyKind.STORE_CREDIT, RemedyKind.DISCOUNT, RemedyKind.REFUND_AND_DISENGAGE);
    static final Set<RemedyKind> NEEDS_ORDER = EnumSet.of(RemedyKind.REPLACEMENT, RemedyKind.REDO,
            RemedyKind.REFUND_FULL, RemedyKind.REFUND_PARTIAL, RemedyKind.REFUND_PRORATED, RemedyKind.DISCOUNT);


    static boolean negotiable(RemedyKind kind) {
        return !NON_NEGOTIABLE.contains(kind);
    }

    String currency(Situation s) {
        return s.hasOrder() ? s.orderAmount().getCurrency() : p.defaultCurrency();
    }

    /** A configured figure in the given currency (scaled by its currency factor, if any). */
    Money figure(BigDecimal figure, String currency) {
        BigDecimal factor = p.currencyFactors().getOrDefault(currency, BigDecimal.ONE);
        return Monies.rounded(figure.multiply(factor), currency);
    }

    static Money share(Money amount, BigDecimal share) {
        return Monies.rounded(amount.getAmount().multiply(share), amount.getCurrency());
    }

    List<Line> lines(Situation s, RemedyKind kind, Money amount, Gesture gesture, String c) {
        List<Line> lines = new ArrayList<>();
        Money order = s.hasOrder() ? s.orderAmount() : figure(p.noOrderValue(), c);
        switch (kind) {
            case REPLACEMENT -> lines.add(new Line(CostCategory.GOODS_AT_COST, share(order, p.costs().goodsShare())));
            case REDO -> lines.add(new Line(CostCategory.SERVICE_AT_COST, share(order, p.costs().serviceShare())));
            case REFUND_FULL, REFUND_PARTIAL, REFUND_PRORATED, REFUND_AND_DISENGAGE -> lines.add(new Line(CostCategory.REFUND, amount));
            case STORE_CREDIT -> lines.add(new Line(CostCategory.STORE_CREDIT, amount));
            case DISCOUNT -> lines.add(new Line(CostCategory.DISCOUNT, amount));
            case MEDIATION -> lines.add(new Line(CostCategory.MEDIATION, figure(p.costs().mediation(), c)));
            case INSPECTION -> lines.add(new Line(CostCategory.SERVICE_AT_COST, figure(p.costs().inspection(), c)));
            case POLICY_EXPLANATION, GOODWILL_GESTURE -> {
                // the explanation or the help costs no more than the gesture
            }
        }
        if (gesture != null) {
            lines.add(new Line(CostCategory.GIFT, gesture.value()));
        }
        return lines;
    }

    static CostCategory mainCategory(RemedyKind kind) {
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

    static String kindText(RemedyKind kind, Money money, Gesture gesture) {
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

    static String giftText(Money value) {
        return "And a thank-you gift worth " + Monies.format(value) + ".";
    }

    static String baseDescription(Terms t) {
        if (t.gesture() == null) {
            return t.description();
        }
        String gift = " " + t.gesture().description();
        return t.description().endsWith(gift) ? t.description().substring(0, t.description().length() - gift.length())
                : t.description();
    }

    static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
