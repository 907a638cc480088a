package com.makeitright.cli.simulate;

import java.math.BigDecimal;

/**
 * One complaint the simulator posts: its JSON body, what it was built to be (cause, anger), and how it is
 * posted. An invalid one names the rule it breaks; intake must reject it with 400.
 *
 * @param retried posted twice with the same {@code Idempotency-Key}; both must answer with one complaint id
 */
record GeneratedComplaint(int index, String body, String cause, String anger, String channel, boolean hasOrder,
                          boolean isService, BigDecimal orderAmount, String currency, String invalidBecause,
                          boolean retried) {

    boolean valid() {
        return invalidBecause == null;
    }
}
