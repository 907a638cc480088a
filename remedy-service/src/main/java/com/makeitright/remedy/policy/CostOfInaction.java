package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.Money;
import com.makeitright.remedy.policy.Terms.Note;
import java.math.BigDecimal;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of the complaint: what not making it right would cost (the customer's value, by their order, tier,
 * loyalty and refund history, times the chance they leave, the reach of the channel and the share of the cause
 * that is ours to win back), with every factor behind the figure.
 */
record CostOfInaction(PolicyProperties p, Figures figures) {


    /** The cost of not making it right, with the factors behind it. */
    Inaction of(Situation s) {
        String c = figures.currency(s);
        PolicyProperties.Weights w = p.weights();
        List<Note> notes = new ArrayList<>();
        Money orderValue = s.hasOrder() ? s.orderAmount() : figures.figure(p.noOrderValue(), c);
        notes.add(new Note("orderValue", Monies.format(orderValue), s.hasOrder() ? "what the customer paid"
                : "no order: the configured value of a customer's order"));
        BigDecimal tier = w.tier().get(s.tier());
        notes.add(new Note("tier", s.tier().name(), "x" + tier.toPlainString() + " expected further orders"));
        int years = 0;
        if (s.history().customerSince() != null && s.acknowledgedAt() != null) {
            years = Math.max(0, Math.min(10, Period.between(s.history().customerSince(),
                    s.acknowledgedAt().atZone(ZoneOffset.UTC).toLocalDate()).getYears()));
        }
        BigDecimal loyalty = BigDecimal.ONE.add(w.loyaltyPerYear().multiply(BigDecimal.valueOf(years)));
        notes.add(new Note("customerSince", s.history().customerSince() == null ? "unknown" : s.history().customerSince().toString(),
                years + " years (up to 10 count): x" + loyalty.stripTrailingZeros().toPlainString()));
        BigDecimal refundFactor = BigDecimal.ONE.subtract(w.refundPenalty().multiply(BigDecimal.valueOf(s.history().refunds())))
                .max(BigDecimal.ZERO);
        notes.add(new Note("history", s.history().complaints() + " complaints, " + s.history().refunds() + " refunds, "
                + s.history().neverArrived() + " never-arrived in 12 months",
                "refunds lower the value: x" + refundFactor.stripTrailingZeros().toPlainString()));
        Money customerValue = Monies.rounded(orderValue.getAmount().multiply(tier).multiply(loyalty).multiply(refundFactor), c);
        notes.add(new Note("customerValue", Monies.format(customerValue), "order value x tier x loyalty x refund history"));
        BigDecimal churn = w.anger().get(s.anger());
        notes.add(new Note("anger", s.anger().name(), "x" + churn.toPlainString() + " chance they leave if nothing is done"));
        BigDecimal reach = w.channel().get(s.channel());
        notes.add(new Note("reach", s.channel().name(), "x" + reach.toPlainString() + (reach.compareTo(BigDecimal.ONE) > 0
                ? ": others hear of it" : ": a private conversation")));
        BigDecimal cause = w.cause().get(s.cause());
        notes.add(new Note("cause", s.cause().name(), "x" + cause.toPlainString() + " of it is ours to win back"));
        Money costOfInaction = Monies.rounded(customerValue.getAmount().multiply(churn).multiply(reach).multiply(cause), c);
        notes.add(new Note("costOfInaction", Monies.format(costOfInaction), "customer value x anger x reach x cause"));
        return new Inaction(costOfInaction, notes);
    }

    record Inaction(Money costOfInaction, List<Note> notes) {
    }
}
