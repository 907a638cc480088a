package com.makeitright.contract;

import com.makeitright.events.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Exact money for the contract's {@link Money}: two decimal places, an ISO 4217 currency with at most two
 * minor digits. Arithmetic on amounts is {@link BigDecimal}; rounding, where a computation needs it
 * (pro-rating), is half-even to the cent.
 */
public final class Monies {

    /** Decimal places of every amount on the wire (the schema's decimal scale). */
    public static final int SCALE = 2;

    private Monies() {
    }

    /** A money value; rejects amounts with more than two decimals and unknown currencies. */
    public static Money of(BigDecimal amount, String currency) {
        checkCurrency(currency);
        BigDecimal exact;
        try {
            exact = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more than " + SCALE
                    + " decimal places");
        }
        return Money.newBuilder().setAmount(exact).setCurrency(currency).build();
    }

    public static Money of(String amount, String currency) {
        return of(new BigDecimal(amount), currency);
    }

    /** A computed amount (e.g. a pro-rated refund), rounded half-even to the cent. */
    public static Money rounded(BigDecimal amount, String currency) {
        return of(amount.setScale(SCALE, RoundingMode.HALF_EVEN), currency);
    }

    public static Money zero(String currency) {
        return of(BigDecimal.ZERO, currency);
    }

    public static Money add(Money a, Money b) {
        requireSameCurrency(a, b);
        return of(a.getAmount().add(b.getAmount()), a.getCurrency());
    }

    public static int compare(Money a, Money b) {
        requireSameCurrency(a, b);
        return a.getAmount().compareTo(b.getAmount());
    }

    public static String format(Money money) {
        return money.getAmount().toPlainString() + " " + money.getCurrency();
    }

    /** Throws when the code is not ISO 4217 or its minor unit has more than two digits (e.g. KWD). */
    public static void checkCurrency(String currency) {
        Currency known;
        try {
            known = Currency.getInstance(currency);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("'" + currency + "' is not an ISO 4217 currency code");
        }
        if (known.getDefaultFractionDigits() > SCALE) {
            throw new IllegalArgumentException(currency + " has " + known.getDefaultFractionDigits()
                    + " minor digits; amounts carry at most " + SCALE);
        }
    }

    private static void requireSameCurrency(Money a, Money b) {
        if (!a.getCurrency().equals(b.getCurrency())) {
            throw new IllegalArgumentException("cannot combine " + a.getCurrency() + " with " + b.getCurrency());
        }
    }
}
