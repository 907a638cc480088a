package com.makeitright.followup.prevention;

import com.makeitright.events.RootCause;

import java.util.EnumMap;
import java.util.Map;

/**
 * What to change, and which team owns it, when a root cause keeps coming back. The one table to edit when
 * the business learns a better fix.
 */
final class PreventionPlaybook {

    /** A concrete fix and the team that should make it; {@code label} names the cause in a sentence. */
    record Play(String label, String owner, String action) {
    }

    private static final Map<RootCause, Play> PLAYS = new EnumMap<>(Map.ofEntries(
            Map.entry(RootCause.PACKING_ERROR, new Play("packing errors", "warehouse",
                    "add a packing checklist and scan-to-verify every item against the order at the packing station")),
            Map.entry(RootCause.DELIVERY, new Play("delivery problems", "logistics",
                    "review the carrier's record on the affected routes, require tracked delivery with proof of "
                            + "delivery, and show customers the real delivery window at checkout")),
            Map.entry(RootCause.PRODUCT_QUALITY, new Play("product quality", "product",
                    "pull the affected items for a quality inspection, send the supplier the complaint examples, "
                            + "and hold the stock until the fault is fixed")),
            Map.entry(RootCause.SERVICE_QUALITY, new Play("service quality", "customer service",
                    "go through the example cases with the team and coach listening first, clear next steps and "
                            + "doing what was promised")),
            Map.entry(RootCause.WAITING_TIME, new Play("waiting times", "operations",
                    "measure queue and callback times by hour, staff the peaks, and promise response times we meet")),
            Map.entry(RootCause.BILLING, new Play("billing errors", "finance",
                    "audit the billing rule behind the examples, fix it, and refund the customers it overcharged "
                            + "before they ask")),
            Map.entry(RootCause.UNCLEAR_POLICY, new Play("an unclear policy", "docs",
                    "rewrite the policy in plain words with examples, and show its key terms at checkout and on "
                            + "the receipt")),
            Map.entry(RootCause.SALES_PROMISE, new Play("sales promises", "sales",
                    "give sales a written list of what may be promised (delivery times, features, prices) and "
                            + "review the example deals with the team")),
            Map.entry(RootCause.INTERFACE_PROBLEM, new Play("interface problems", "product",
                    "run a usability test of the screens behind the examples and fix the step where customers "
                            + "go wrong")),
            Map.entry(RootCause.EXTERNAL, new Play("outside parties", "customer service",
                    "nothing of ours to fix: tell customers early when an outside party causes delays")),
            Map.entry(RootCause.OTHER, new Play("other causes", "customer service",
                    "read the example cases and give them a specific root cause, so that it can be fixed"))));

    private PreventionPlaybook() {
    }

    static Play forCause(RootCause cause) {
        Play play = PLAYS.get(cause);
        if (play == null) {
            throw new IllegalStateException("the prevention playbook has no entry for root cause " + cause);
        }
        return play;
    }
}
