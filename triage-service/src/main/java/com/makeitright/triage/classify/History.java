package com.makeitright.triage.classify;

import java.time.LocalDate;

/**
 * What is known of the customer's earlier complaints in the last 12 months (this one excluded).
 *
 * @param customerSince first purchase, or null when unknown
 */
public record History(int complaints, int refunds, int neverArrived, boolean doNotServe, LocalDate customerSince) {

    public static final History NONE = new History(0, 0, 0, false, null);
}
