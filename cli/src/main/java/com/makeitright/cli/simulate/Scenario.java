package com.makeitright.cli.simulate;

import java.math.BigDecimal;

/**
 * One kind of complaint, modelled on the labeled examples: why the customer is unhappy ({@code cause}), what
 * happened in their words (the calm core that anger then colours), what they want, and what they bought.
 */
record Scenario(String cause, String subject, String core, String desiredOutcome, Item item) {

    /** A product (no {@code completedFraction}) or a service partly delivered. */
    record Item(String skuPrefix, BigDecimal amount, String currency, BigDecimal completedFraction) {

        static Item product(String sku, String amount) {
            return new Item(sku, new BigDecimal(amount), "USD", null);
        }

        static Item product(String sku, String amount, String currency) {
            return new Item(sku, new BigDecimal(amount), currency, null);
        }

        static Item service(String sku, String amount, String completedFraction) {
            return new Item(sku, new BigDecimal(amount), "USD", new BigDecimal(completedFraction));
        }
    }
}
