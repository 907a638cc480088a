package com.makeitright.cli.simulate;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * How the simulated customer, supervisor, agent and follow-up worker answer, drawn from a seeded random per
 * complaint: most offers are accepted, some declined, some countered; most approvals granted; inspections
 * mostly confirm the fault; a share of first-round follow-ups is unhappy and reopens the case. Later rounds end
 * happily so every case can close.
 */
final class CustomerBehaviour {

    static final String SUPERVISOR = "sam.supervisor";
    static final String AGENT = "agent.sim";

    private final Random random;
    private final double unhappyShare;

    CustomerBehaviour(Random random, double unhappyShare) {
        this.random = random;
        this.unhappyShare = unhappyShare;
    }

    /** The answer to an OPEN offer. */
    Map<String, Object> respond(JsonNode offer, GeneratedComplaint complaint) {
        Map<String, Object> answer = new LinkedHashMap<>();
        String kind = text(offer, "kind");
        int negotiationRound = offer.hasNonNull("negotiationRound") ? offer.get("negotiationRound").asInt() : 1;
        double draw = random.nextDouble();
        String decision;
        if ("MEDIATION".equals(kind)) {
            decision = draw < 0.85 ? "ACCEPT" : "DECLINE";
        } else if (negotiationRound >= 3) {
            decision = "ACCEPT";
        } else {
            decision = draw < 0.6 ? "ACCEPT" : draw < 0.8 ? "DECLINE" : "COUNTER";
        }
        answer.put("decision", decision);
        answer.put("offerId", text(offer, "offerId"));
        if ("COUNTER".equals(decision)) {
            answer.put("counterOffer", counter(offer, complaint));
            answer.put("note", "What would be fair is this");
        } else if ("DECLINE".equals(decision)) {
            answer.put("note", "That is not enough for what happened");
        }
        return answer;
    }

    private Map<String, Object> counter(JsonNode offer, GeneratedComplaint complaint) {
        Map<String, Object> counter = new LinkedHashMap<>();
        BigDecimal base = complaint.orderAmount();
        String currency = complaint.currency();
        JsonNode amount = offer.get("amount");
        if (base == null && amount != null && amount.hasNonNull("amount")) {
            base = amount.get("amount").decimalValue();
            currency = amount.hasNonNull("currency") ? amount.get("currency").asString() : currency;
        }
        if (base != null) {
            BigDecimal share = BigDecimal.valueOf(30 + random.nextInt(41)).movePointLeft(2);
            counter.put("kind", "REFUND_PARTIAL");
            counter.put("amount", base.multiply(share).setScale(2, RoundingMode.HALF_UP).max(new BigDecimal("1.00")));
            counter.put("currency", currency);
            counter.put("description", "Part of the money back would be fair");
        } else {
            counter.put("kind", "STORE_CREDIT");
            counter.put("amount", new BigDecimal(10 + random.nextInt(20) + ".00"));
            counter.put("currency", currency == null ? "USD" : currency);
            counter.put("description", "Some credit for the trouble");
        }
        return counter;
    }

    /** A supervisor's decision on an offer above the agent's authority. */
    Map<String, Object> approve(JsonNode offer) {
        Map<String, Object> decision = new LinkedHashMap<>();
        boolean approved = random.nextDouble() < 0.85;
        decision.put("decision", approved ? "APPROVED" : "REJECTED");
        decision.put("approver", SUPERVISOR);
        decision.put("offerId", text(offer, "offerId"));
        decision.put("note", approved ? "Fair given the circumstances" : "Too generous; offer what the agent may");
        return decision;
    }

    /** The agent's report that the agreed remedy was delivered (with the inspection's finding for INSPECTION). */
    Map<String, Object> fulfil(JsonNode agreed, GeneratedComplaint complaint) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reference", String.format("SIM-%05d-%04d", complaint.index(), random.nextInt(10_000)));
        report.put("fulfilledBy", AGENT);
        report.put("offerId", text(agreed, "offerId"));
        // The business's cost as agreed (the offer's estimate), within the tolerance an agent may report alone.
        JsonNode amount = agreed.get("estimatedCost");
        if (amount != null && amount.hasNonNull("amount") && amount.hasNonNull("currency")) {
            Map<String, Object> cost = new LinkedHashMap<>();
            cost.put("amount", amount.get("amount").decimalValue());
            cost.put("currency", amount.get("currency").asString());
            report.put("actualCost", cost);
        }
        if ("INSPECTION".equals(text(agreed, "kind"))) {
            report.put("inspectionResult", random.nextDouble() < 0.6 ? "FAULT_CONFIRMED" : "NO_FAULT_FOUND");
        }
        report.put("note", "Done as agreed");
        return report;
    }

    /** The follow-up worker's record of the satisfaction check for {@code round}. */
    Map<String, Object> followUp(int round) {
        boolean unhappy = round == 1 && random.nextDouble() < unhappyShare;
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("satisfied", !unhappy);
        outcome.put("score", unhappy ? 1 + random.nextInt(2) : 4 + random.nextInt(2));
        outcome.put("comment", unhappy ? "It happened again, I am not satisfied" : "Thank you, all sorted");
        return outcome;
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asString() : null;
    }
}
