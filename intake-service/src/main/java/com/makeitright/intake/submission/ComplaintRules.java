package com.makeitright.intake.submission;

import com.makeitright.events.Channel;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.Customer;
import com.makeitright.events.CustomerTier;
import com.makeitright.events.ExternalReference;
import com.makeitright.events.Money;
import com.makeitright.events.Order;
import com.makeitright.intake.common.Checks;
import jakarta.validation.Validator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;

/**
 * Turns a complaint request into a {@code ComplaintReceived}, or refuses it naming every bad field: the
 * annotations of {@link ComplaintBody} plus the rules they cannot express (known channel and tier, a way to
 * reach the customer, exact money in a known currency, a customer-since date that is not in the future).
 */
final class ComplaintRules {

    /** {@code OTHER} is only what an older reader sees for a newer channel; a client names a real one. */
    private static final EnumSet<Channel> CHANNELS = EnumSet.complementOf(EnumSet.of(Channel.OTHER));
    private static final int FRACTION_SCALE = 4;

    private final Validator validator;
    private final Clock clock;

    ComplaintRules(Validator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    /** The event for a valid body; throws {@code InvalidInput} otherwise. */
    ComplaintReceived received(ComplaintBody body, String complaintId, String eventId, String idempotencyKey) {
        return received(body, complaintId, eventId, idempotencyKey, null);
    }

    /** The same, for a complaint that came in as a helpdesk ticket (webhook): the ticket travels with it. */
    ComplaintReceived received(ComplaintBody body, String complaintId, String eventId, String idempotencyKey,
                               ExternalReference externalReference) {
        Checks checks = Checks.of(validator, body);
        Channel channel = checks.symbol("channel", body.channel(), CHANNELS);
        Customer customer = body.customer() == null ? null : customer(body.customer(), checks);
        Order order = body.order() == null ? null : order(body.order(), checks);
        checks.throwIfAny();
        Instant now = clock.instant();
        return ComplaintReceived.newBuilder()
                .setEventId(eventId)
                .setComplaintId(complaintId)
                .setOccurredAt(now)
                .setCausationId(null)
                .setRound(1)
                .setCustomer(customer)
                .setChannel(channel)
                .setSubject(body.subject())
                .setDescription(body.description())
                .setOrder(order)
                .setDesiredOutcome(blankToNull(body.desiredOutcome()))
                .setIdempotencyKey(idempotencyKey)
                .setReopenedFrom(null)
                .setExternalReference(externalReference)
                .build();
    }

    private Customer customer(ComplaintBody.Customer body, Checks checks) {
        String email = blankToNull(body.email());
        String phone = blankToNull(body.phone());
        if (email == null && phone == null && !checks.has("customer.email")) {
            checks.add("customer.email", "or customer.phone is required: we must be able to reach the customer");
        }
        CustomerTier tier = body.tier() == null ? CustomerTier.STANDARD
                : checks.symbol("customer.tier", body.tier(), CustomerTier.class);
        LocalDate since = since(body.since(), checks);
        return Customer.newBuilder()
                .setId(body.id() == null ? "" : body.id())
                .setName(body.name() == null ? "" : body.name())
                .setEmail(email)
                .setPhone(phone)
                .setTier(tier == null ? CustomerTier.STANDARD : tier)
                .setCustomerSince(since)
                .build();
    }

    private LocalDate since(String value, Checks checks) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate since = LocalDate.parse(value);
            if (since.isAfter(LocalDate.now(clock))) {
                checks.add("customer.since", "must not be in the future");
                return null;
            }
            return since;
        } catch (DateTimeParseException e) {
            checks.add("customer.since", "must be an ISO date (YYYY-MM-DD)");
            return null;
        }
    }

    private Order order(ComplaintBody.Order body, Checks checks) {
        Money amount = checks.money("order", body.amount(), body.currency(), false);
        BigDecimal fraction = body.completedFraction();
        if (amount == null || checks.has("order.id") || checks.has("order.completedFraction")) {
            return null;
        }
        return Order.newBuilder()
                .setId(body.id())
                .setSku(blankToNull(body.sku()))
                .setAmount(amount)
                // the schema's decimal has scale 4; the annotation allowed at most 4 places
                .setCompletedFraction(fraction == null ? null : fraction.setScale(FRACTION_SCALE))
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
