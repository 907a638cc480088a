package com.makeitright.cli.simulate;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds realistic, varied complaint bodies from {@link ComplaintTemplates}, deterministically from a seed. The
 * first twenty valid complaints cover every cause × anger pair and the first six every channel; some customers
 * come back (triage keeps a memory); orders are products, partly delivered services, or absent. A share of the
 * bodies is invalid on purpose, each breaking one rule of the API, and a share is posted twice under one
 * {@code Idempotency-Key}.
 */
final class ComplaintGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Each breaks exactly one rule of {@code POST /api/complaints} (docs/http-api.md). */
    private static final List<Mutation> INVALID = List.of(
            new Mutation("customer.id missing", body -> customer(body).remove("id")),
            new Mutation("no e-mail and no phone", body -> {
                customer(body).remove("email");
                customer(body).remove("phone");
            }),
            new Mutation("e-mail is not an address", body -> customer(body).put("email", "dana at example")),
            new Mutation("unknown channel", body -> body.put("channel", "CARRIER_PIGEON")),
            new Mutation("negative order amount", body -> order(body).put("amount", new BigDecimal("-12.00"))),
            new Mutation("amount with three decimals", body -> order(body).put("amount", new BigDecimal("12.345"))),
            new Mutation("currency is not ISO 4217", body -> order(body).put("currency", "DOLLARS")),
            new Mutation("completedFraction above 1", body -> order(body).put("completedFraction", new BigDecimal("1.5"))),
            new Mutation("customer since in the future", body -> customer(body).put("since", "2999-01-01")),
            new Mutation("subject longer than 200", body -> body.put("subject", "Too long ".repeat(30))),
            new Mutation("description missing", body -> body.remove("description")),
            new Mutation("unknown tier", body -> customer(body).put("tier", "DIAMOND")),
            new Mutation("order without id", body -> order(body).remove("id")));

    private final long seed;
    private final double invalidShare;
    private final double retryShare;

    ComplaintGenerator(long seed, double invalidShare, double retryShare) {
        this.seed = seed;
        this.invalidShare = invalidShare;
        this.retryShare = retryShare;
    }

    List<GeneratedComplaint> generate(int count) {
        Random random = new Random(seed);
        Set<Integer> invalid = pick(random, count, (int) Math.round(count * invalidShare));
        int customers = Math.max(8, count * 2 / 3);
        List<GeneratedComplaint> complaints = new ArrayList<>(count);
        int validIndex = 0;
        int invalidIndex = 0;
        for (int i = 0; i < count; i++) {
            boolean broken = invalid.contains(i);
            int slot = broken ? invalidIndex++ : validIndex++;
            String cause;
            String anger;
            if (!broken && slot < 20) {
                cause = ComplaintTemplates.CAUSES.get(slot % 5);
                anger = ComplaintTemplates.ANGERS.get(slot / 5);
            } else {
                cause = pickFrom(random, ComplaintTemplates.CAUSES);
                anger = pickFrom(random, ComplaintTemplates.ANGERS);
            }
            String channel = !broken && slot < 6 ? ComplaintTemplates.CHANNELS.get(slot)
                    : pickFrom(random, ComplaintTemplates.CHANNELS);
            Scenario scenario = pickFrom(random, ComplaintTemplates.SCENARIOS.get(cause));
            ObjectNode body = body(random, i, random.nextInt(customers), scenario, anger, channel);
            String invalidBecause = null;
            if (broken) {
                if (body.get("order") == null) {
                    body.set("order", order(random, i, Scenario.Item.product("MISC", "10.00")));
                }
                Mutation mutation = INVALID.get((int) ((invalidIndex - 1 + Math.floorMod(seed, INVALID.size()))
                        % INVALID.size()));
                mutation.apply().accept(body);
                invalidBecause = mutation.rule();
            }
            String text = JSON.writeValueAsString(body);
            Scenario.Item item = scenario.item();
            boolean retried = !broken && random.nextDouble() < retryShare;
            complaints.add(new GeneratedComplaint(i, text, cause, anger, channel, body.get("order") != null,
                    item != null && item.completedFraction() != null,
                    body.get("order") != null ? body.get("order").get("amount").decimalValue() : null,
                    body.get("order") != null && body.get("order").get("currency") != null
                            ? body.get("order").get("currency").asString() : "USD",
                    invalidBecause, retried));
        }
        return complaints;
    }

    private ObjectNode body(Random random, int index, int customerNumber, Scenario scenario, String anger,
                            String channel) {
        Random person = new Random(seed * 1_000_003L + customerNumber);
        String first = pickFrom(person, ComplaintTemplates.FIRST_NAMES);
        String last = pickFrom(person, ComplaintTemplates.LAST_NAMES);
        ObjectNode customer = JSON.createObjectNode();
        customer.put("id", String.format(Locale.ROOT, "C-%d-%04d", Math.floorMod(seed, 100_000), customerNumber));
        customer.put("name", first + " " + last);
        int contact = person.nextInt(20);
        if (contact < 16) {
            customer.put("email", (first + "." + last.charAt(0) + customerNumber + "@example.com").toLowerCase(Locale.ROOT));
        }
        if (contact >= 12) {
            customer.put("phone", String.format(Locale.ROOT, "+1 555 %04d", person.nextInt(10_000)));
        }
        customer.put("tier", pickFrom(person, ComplaintTemplates.TIERS));
        if (person.nextBoolean()) {
            customer.put("since", LocalDate.of(2008 + person.nextInt(17), 1 + person.nextInt(12), 1 + person.nextInt(28))
                    .toString());
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("customer", customer);
        body.put("channel", channel);
        body.put("subject", scenario.subject());
        body.put("description", pickFrom(random, ComplaintTemplates.OPENINGS.get(anger)) + " " + scenario.core() + " "
                + pickFrom(random, ComplaintTemplates.CLOSINGS.get(anger)));
        if (scenario.item() != null) {
            body.set("order", order(random, index, scenario.item()));
        }
        if (scenario.desiredOutcome() != null) {
            body.put("desiredOutcome", scenario.desiredOutcome());
        }
        return body;
    }

    private ObjectNode order(Random random, int index, Scenario.Item item) {
        ObjectNode order = JSON.createObjectNode();
        order.put("id", String.format(Locale.ROOT, "O-%d-%05d", Math.floorMod(seed, 100_000), index));
        order.put("sku", item.skuPrefix());
        // Prices vary a little around the scenario's, as the same product sells in different sizes.
        BigDecimal factor = BigDecimal.valueOf(80 + random.nextInt(41)).movePointLeft(2);
        order.put("amount", item.amount().multiply(factor).setScale(2, RoundingMode.HALF_UP));
        order.put("currency", item.currency());
        if (item.completedFraction() != null) {
            order.put("completedFraction", item.completedFraction());
        }
        return order;
    }

    private static Set<Integer> pick(Random random, int count, int howMany) {
        Set<Integer> picked = new HashSet<>();
        while (picked.size() < Math.min(howMany, count)) {
            picked.add(random.nextInt(count));
        }
        return picked;
    }

    private static <T> T pickFrom(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static ObjectNode customer(ObjectNode body) {
        return (ObjectNode) body.get("customer");
    }

    private static ObjectNode order(ObjectNode body) {
        return (ObjectNode) body.get("order");
    }

    private record Mutation(String rule, Consumer<ObjectNode> apply) {
    }
}
