package com.makeitright.remedy.policy;

import com.makeitright.events.Money;
import com.makeitright.events.RemedyKind;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the customer asked for ("Send the right CD", "Refund the $30") into a remedy kind and, where
 * they named one, an amount. Only amounts marked as money count, so "within 30 days" is not a demand.
 */
final class DesiredOutcome {

    /** What the customer wished for; {@code amount} is null when they named no sum. */
    record Wish(RemedyKind kind, BigDecimal amount) {
    }

    private static final Pattern MONEY = Pattern.compile(
            "[$€£]\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?"
                    + "|(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?\\s?(?:usd|eur|gbp|chf|dollars?|euros?|pounds?)\\b");

    private DesiredOutcome() {
    }

    static Optional<Wish> read(String text, Money orderAmount) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.toLowerCase(Locale.ROOT);
        BigDecimal amount = amount(t);
        if (t.contains("refund") || t.contains("money back") || t.contains("reimburse") || t.contains("pay back")) {
            if (amount == null && t.contains("half") && orderAmount != null) {
                return Optional.of(new Wish(RemedyKind.REFUND_PARTIAL,
                        orderAmount.getAmount().divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_EVEN)));
            }
            boolean partial = amount != null && orderAmount != null && amount.compareTo(orderAmount.getAmount()) < 0;
            return Optional.of(new Wish(partial ? RemedyKind.REFUND_PARTIAL : RemedyKind.REFUND_FULL, amount));
        }
        if (t.contains("credit") || t.contains("voucher")) {
            return Optional.of(new Wish(RemedyKind.STORE_CREDIT, amount));
        }
        if (t.contains("discount") || t.contains("% off") || t.contains("price reduction")) {
            return Optional.of(new Wish(RemedyKind.DISCOUNT, amount));
        }
        if (t.contains("redo") || t.contains("re-do") || t.contains("do it again") || t.contains("fix the work")) {
            return Optional.of(new Wish(RemedyKind.REDO, amount));
        }
        if (t.contains("replace") || t.contains("exchange") || t.contains("send") || t.contains("right one")
                || t.contains("missing")) {
            return Optional.of(new Wish(RemedyKind.REPLACEMENT, amount));
        }
        if (amount != null) { // "$5,000 and free pens for life": money, whatever they call it
            return Optional.of(new Wish(RemedyKind.REFUND_PARTIAL, amount));
        }
        return Optional.empty();
    }

    private static BigDecimal amount(String text) {
        Matcher m = MONEY.matcher(text);
        if (!m.find()) {
            return null;
        }
        String whole = m.group(1) != null ? m.group(1) : m.group(3);
        String cents = m.group(1) != null ? m.group(2) : m.group(4);
        return new BigDecimal(whole.replace(",", "") + (cents == null ? "" : "." + cents));
    }
}
