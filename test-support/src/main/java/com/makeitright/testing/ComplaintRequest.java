package com.makeitright.testing;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The body of {@code POST /api/complaints}, typed, for tests: {@code ComplaintRequest.aComplaint().angry()...}
 * instead of copy-pasted JSON. Serializes to the shape of the labeled examples.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintRequest(Customer customer, String channel, String subject, String description, Order order,
                               String desiredOutcome) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Customer(String id, String name, String email, String phone, String tier, String since) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Order(String id, String sku, BigDecimal amount, String currency, BigDecimal completedFraction) {
    }

    /** A calm, valid complaint about a wrong item, from a new customer id each time. */
    public static ComplaintRequest aComplaint() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new ComplaintRequest(
                new Customer("C-" + suffix, "Dana Reyes", "dana." + suffix + "@example.com", null, "STANDARD", null),
                "EMAIL", "Wrong CD shipped",
                "I ordered the CD on small business marketing and instead received a disc with somebody's music"
                        + " backup on it. Could you send the right one?",
                new Order("O-" + suffix, "CD-MKT-01", new BigDecimal("49.00"), "USD", null),
                "Send the right CD");
    }

    public ComplaintRequest withCustomer(Customer value) {
        return new ComplaintRequest(value, channel, subject, description, order, desiredOutcome);
    }

    public ComplaintRequest withCustomerId(String id) {
        return withCustomer(new Customer(id, customer.name(), customer.email(), customer.phone(), customer.tier(),
                customer.since()));
    }

    public ComplaintRequest withTier(String tier) {
        return withCustomer(new Customer(customer.id(), customer.name(), customer.email(), customer.phone(), tier,
                customer.since()));
    }

    public ComplaintRequest withEmail(String email) {
        return withCustomer(new Customer(customer.id(), customer.name(), email, customer.phone(), customer.tier(),
                customer.since()));
    }

    public ComplaintRequest withChannel(String value) {
        return new ComplaintRequest(customer, value, subject, description, order, desiredOutcome);
    }

    public ComplaintRequest withSubject(String value) {
        return new ComplaintRequest(customer, channel, value, description, order, desiredOutcome);
    }

    public ComplaintRequest withDescription(String value) {
        return new ComplaintRequest(customer, channel, subject, value, order, desiredOutcome);
    }

    public ComplaintRequest withOrder(Order value) {
        return new ComplaintRequest(customer, channel, subject, description, value, desiredOutcome);
    }

    public ComplaintRequest withOrderAmount(String amount, String currency) {
        Order base = order == null ? new Order("O-" + customer.id(), null, null, null, null) : order;
        return withOrder(new Order(base.id(), base.sku(), new BigDecimal(amount), currency, base.completedFraction()));
    }

    public ComplaintRequest withCompletedFraction(String fraction) {
        return withOrder(new Order(order.id(), order.sku(), order.amount(), order.currency(), new BigDecimal(fraction)));
    }

    public ComplaintRequest withoutOrder() {
        return withOrder(null);
    }

    public ComplaintRequest withDesiredOutcome(String value) {
        return new ComplaintRequest(customer, channel, subject, description, order, value);
    }
}
