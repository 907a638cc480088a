package com.makeitright.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every transition of the negotiation state machine, as one table that three tests walk: the rules themselves
 * (negotiation-rules), intake's check of a request (its answer, or the 409 and why) and remedy's negotiator
 * (the effect it applied, or why it ignored the event). Each must give the outcome the table names, so intake
 * and remedy agree on every start and input. An outcome is the name of a {@code com.makeitright.negotiation.Effect}
 * (allowed) or {@code Refusal} (refused).
 */
public final class NegotiationWalk {

    /** Where the round stands before the input. */
    public enum Start {
        /** acknowledged, no offer yet */
        NO_OFFER,
        /** an OPEN replacement offer */
        OPEN_OFFER,
        /** an OPEN mediation offer (after the last round) */
        OPEN_MEDIATION,
        /** an offer above the agent's authority, PENDING_APPROVAL */
        PENDING_APPROVAL,
        /** an accepted replacement offer */
        AGREED,
        /** an accepted inspection offer */
        AGREED_INSPECTION,
        /** resolved without a response */
        RESOLVED
    }

    /** One request (intake) or event (remedy), about the round's current offer unless it says otherwise. */
    public enum Input {
        ACCEPT, DECLINE, COUNTER,
        /** an ACCEPT exactly at the offer's expiresAt */
        ACCEPT_LATE,
        /** an ACCEPT naming another offer */
        ACCEPT_OTHER_OFFER,
        APPROVE, REJECT,
        /** an APPROVED naming another offer */
        APPROVE_OTHER_OFFER,
        /** a fulfillment without an inspection result */
        FULFILL,
        /** a fulfillment naming another offer */
        FULFILL_OTHER_OFFER,
        FULFILL_FAULT_CONFIRMED,
        FULFILL_NO_FAULT_FOUND
    }

    /** start | inputs | outcome. */
    private static final String TABLE = """
            NO_OFFER          | ACCEPT DECLINE COUNTER ACCEPT_LATE ACCEPT_OTHER_OFFER                 | NO_OPEN_OFFER
            NO_OFFER          | APPROVE REJECT APPROVE_OTHER_OFFER                                   | NO_OFFER_AWAITS_APPROVAL
            NO_OFFER          | FULFILL FULFILL_OTHER_OFFER FULFILL_FAULT_CONFIRMED FULFILL_NO_FAULT_FOUND | NOTHING_AGREED

            OPEN_OFFER        | ACCEPT                                                               | AGREE
            OPEN_OFFER        | DECLINE                                                              | NEXT_OFFER
            OPEN_OFFER        | COUNTER                                                              | WEIGH_COUNTER
            OPEN_OFFER        | ACCEPT_LATE                                                          | OFFER_EXPIRED
            OPEN_OFFER        | ACCEPT_OTHER_OFFER                                                   | NOT_THE_OPEN_OFFER
            OPEN_OFFER        | APPROVE REJECT APPROVE_OTHER_OFFER                                   | NO_OFFER_AWAITS_APPROVAL
            OPEN_OFFER        | FULFILL FULFILL_OTHER_OFFER FULFILL_FAULT_CONFIRMED FULFILL_NO_FAULT_FOUND | NOTHING_AGREED

            OPEN_MEDIATION    | ACCEPT                                                               | AGREE
            OPEN_MEDIATION    | DECLINE                                                              | NO_AGREEMENT
            OPEN_MEDIATION    | COUNTER                                                              | WEIGH_COUNTER
            OPEN_MEDIATION    | ACCEPT_LATE                                                          | OFFER_EXPIRED
            OPEN_MEDIATION    | ACCEPT_OTHER_OFFER                                                   | NOT_THE_OPEN_OFFER
            OPEN_MEDIATION    | APPROVE REJECT APPROVE_OTHER_OFFER                                   | NO_OFFER_AWAITS_APPROVAL
            OPEN_MEDIATION    | FULFILL FULFILL_OTHER_OFFER FULFILL_FAULT_CONFIRMED FULFILL_NO_FAULT_FOUND | NOTHING_AGREED

            PENDING_APPROVAL  | ACCEPT DECLINE COUNTER ACCEPT_LATE                                    | OFFER_AWAITS_APPROVAL
            PENDING_APPROVAL  | ACCEPT_OTHER_OFFER                                                   | NOT_THE_OPEN_OFFER
            PENDING_APPROVAL  | APPROVE                                                              | REOFFER_APPROVED
            PENDING_APPROVAL  | REJECT                                                               | REOFFER_WITHIN_AGENT
            PENDING_APPROVAL  | APPROVE_OTHER_OFFER                                                  | NOT_THE_OPEN_OFFER
            PENDING_APPROVAL  | FULFILL FULFILL_OTHER_OFFER FULFILL_FAULT_CONFIRMED FULFILL_NO_FAULT_FOUND | NOTHING_AGREED

            AGREED            | ACCEPT DECLINE COUNTER ACCEPT_LATE ACCEPT_OTHER_OFFER                 | NO_OPEN_OFFER
            AGREED            | APPROVE REJECT APPROVE_OTHER_OFFER                                   | NO_OFFER_AWAITS_APPROVAL
            AGREED            | FULFILL                                                              | DELIVERED
            AGREED            | FULFILL_OTHER_OFFER                                                  | NOT_THE_AGREED_OFFER
            AGREED            | FULFILL_FAULT_CONFIRMED FULFILL_NO_FAULT_FOUND                       | INSPECTION_RESULT_UNEXPECTED

            AGREED_INSPECTION | ACCEPT DECLINE COUNTER ACCEPT_LATE ACCEPT_OTHER_OFFER                 | NO_OPEN_OFFER
            AGREED_INSPECTION | APPROVE REJECT APPROVE_OTHER_OFFER                                   | NO_OFFER_AWAITS_APPROVAL
            AGREED_INSPECTION | FULFILL                                                              | INSPECTION_RESULT_MISSING
            AGREED_INSPECTION | FULFILL_OTHER_OFFER                                                  | NOT_THE_AGREED_OFFER
            AGREED_INSPECTION | FULFILL_FAULT_CONFIRMED                                              | REFUND_AFTER_INSPECTION
            AGREED_INSPECTION | FULFILL_NO_FAULT_FOUND                                               | CLAIM_NOT_UPHELD

            RESOLVED          | ACCEPT DECLINE COUNTER ACCEPT_LATE ACCEPT_OTHER_OFFER                 | NO_OPEN_OFFER
            RESOLVED          | APPROVE REJECT APPROVE_OTHER_OFFER                                   | NO_OFFER_AWAITS_APPROVAL
            RESOLVED          | FULFILL FULFILL_OTHER_OFFER FULFILL_FAULT_CONFIRMED FULFILL_NO_FAULT_FOUND | NOTHING_AGREED
            """;

    /** One cell of the table. */
    public record Step(Start start, Input input, String outcome) {
        @Override
        public String toString() {
            return start + " + " + input + " -> " + outcome;
        }
    }

    private static final Map<Start, Map<Input, String>> OUTCOMES = parse();

    private NegotiationWalk() {
    }

    /** Every start × every input, in table order. */
    public static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        OUTCOMES.forEach((start, row) -> row.forEach((input, outcome) -> steps.add(new Step(start, input, outcome))));
        return steps;
    }

    public static String outcome(Start start, Input input) {
        return OUTCOMES.get(start).get(input);
    }

    private static Map<Start, Map<Input, String>> parse() {
        Map<Start, Map<Input, String>> outcomes = new EnumMap<>(Start.class);
        for (String line : TABLE.strip().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\\|");
            Start start = Start.valueOf(cells[0].strip());
            for (String input : cells[1].strip().split("\\s+")) {
                String before = outcomes.computeIfAbsent(start, s -> new EnumMap<>(Input.class))
                        .put(Input.valueOf(input), cells[2].strip());
                if (before != null) {
                    throw new IllegalStateException(start + " + " + input + " is in the table twice");
                }
            }
        }
        for (Start start : Start.values()) {
            Map<Input, String> row = outcomes.getOrDefault(start, Map.of());
            if (row.size() != Input.values().length) {
                throw new IllegalStateException(start + " misses inputs: " + Arrays.stream(Input.values())
                        .filter(i -> !row.containsKey(i)).toList());
            }
        }
        return outcomes;
    }
}
