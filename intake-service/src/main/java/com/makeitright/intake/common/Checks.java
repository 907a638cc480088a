package com.makeitright.intake.common;

import com.makeitright.contract.Monies;
import com.makeitright.events.Money;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Collects every problem of one request body, the declarative ones (bean validation annotations) and the
 * rules annotations cannot say (enums, money, either-or fields), so a 400 names all bad fields at once.
 */
public final class Checks {

    /**
     * What an id a client names (a complaint id in a path, an offer id) may look like: the UUIDs intake and remedy
     * generate fit, and nothing that could break a header, a log line or a store key gets past.
     */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String ID_RULE = "must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'";

    /** Largest amount of money a request may carry. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private final List<FieldProblem> problems = new ArrayList<>();

    private Checks() {
    }

    /** Starts with the body's bean validation violations. */
    public static Checks of(Validator validator, Object body) {
        Checks checks = new Checks();
        validator.validate(body).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .forEach(v -> checks.add(v.getPropertyPath().toString(), v.getMessage()));
        return checks;
    }

    public Checks add(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    /** The id in a request's path, when it fits {@link #ID}; {@link InvalidInput} (a 400) otherwise. */
    public static String pathId(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new InvalidInput(field, ID_RULE);
        }
        return value;
    }

    /** An optional id in a body: absent (null or blank) or fitting {@link #ID}. */
    public Checks optionalId(String field, String value) {
        if (value != null && !value.isBlank() && !has(field) && !ID.matcher(value).matches()) {
            add(field, ID_RULE);
        }
        return this;
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** The enum constant named {@code value}, or null (with a problem recorded unless the value is absent). */
    public <E extends Enum<E>> E symbol(String field, String value, Set<E> allowed) {
        if (value == null || has(field)) {
            return null;
        }
        for (E constant : allowed) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        add(field, "must be one of " + allowed.stream().map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }

    public <E extends Enum<E>> E symbol(String field, String value, Class<E> type) {
        return symbol(field, value, EnumSet.allOf(type));
    }

    /**
     * Money for the wire: positive (or zero when allowed), at most {@link #MAX_AMOUNT}, at most two decimals, an
     * ISO 4217 currency with at most two minor digits. Null (with problems recorded) when it is not.
     */
    public Money money(String prefix, BigDecimal amount, String currency, boolean zeroAllowed) {
        String amountField = prefix.isEmpty() ? "amount" : prefix + ".amount";
        String currencyField = prefix.isEmpty() ? "currency" : prefix + ".currency";
        boolean valid = true;
        if (amount == null) {
            valid = false;
            if (!has(amountField)) {
                add(amountField, "must not be null");
            }
        } else if (zeroAllowed ? amount.signum() < 0 : amount.signum() <= 0) {
            valid = false;
            add(amountField, zeroAllowed ? "must not be negative" : "must be greater than 0");
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            valid = false;
            add(amountField, "must be at most " + MAX_AMOUNT.toPlainString());
        } else if (amount.stripTrailingZeros().scale() > Monies.SCALE) {
            valid = false;
            add(amountField, "must have at most " + Monies.SCALE + " decimal places");
        }
        if (currency == null || currency.isBlank()) {
            valid = false;
            if (!has(currencyField)) {
                add(currencyField, "must not be blank");
            }
        } else {
            try {
                Monies.checkCurrency(currency);
            } catch (IllegalArgumentException e) {
                valid = false;
                add(currencyField, e.getMessage());
            }
        }
        return valid ? Monies.of(amount, currency) : null;
    }

    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws {@link InvalidInput} naming every problem found, if any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
