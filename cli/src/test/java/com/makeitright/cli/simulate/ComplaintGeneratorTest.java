package com.makeitright.cli.simulate;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintGeneratorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void sameSeedSameComplaints() {
        List<GeneratedComplaint> first = new ComplaintGenerator(42, 0.1, 0.15).generate(60);
        List<GeneratedComplaint> second = new ComplaintGenerator(42, 0.1, 0.15).generate(60);

        assertThat(first).isEqualTo(second);
    }

    @Test
    void otherSeedOtherComplaints() {
        List<String> first = bodies(new ComplaintGenerator(1, 0.1, 0.15).generate(30));
        List<String> second = bodies(new ComplaintGenerator(2, 0.1, 0.15).generate(30));

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void everyCauseAngerAndChannelAmongTheFirstValidOnes() {
        List<GeneratedComplaint> valid = new ComplaintGenerator(7, 0.1, 0.15).generate(25).stream()
                .filter(GeneratedComplaint::valid).toList();

        assertThat(valid.stream().map(c -> c.cause() + "/" + c.anger()).collect(Collectors.toSet()))
                .hasSize(ComplaintTemplates.CAUSES.size() * ComplaintTemplates.ANGERS.size());
        assertThat(valid.stream().map(GeneratedComplaint::channel).collect(Collectors.toSet()))
                .containsAll(ComplaintTemplates.CHANNELS);
    }

    @Test
    void withAndWithoutOrdersAndPartlyDeliveredServices() {
        List<GeneratedComplaint> complaints = new ComplaintGenerator(3, 0, 0).generate(100);

        assertThat(complaints).anyMatch(c -> !c.hasOrder());
        assertThat(complaints).anyMatch(c -> c.hasOrder() && !c.isService());
        assertThat(complaints).anyMatch(GeneratedComplaint::isService);
        assertThat(complaints.stream().map(c -> JSON.readTree(c.body()))
                .filter(b -> b.path("order").hasNonNull("completedFraction"))).isNotEmpty();
    }

    @Test
    void validBodiesFollowEveryRuleOfTheApi() {
        for (GeneratedComplaint complaint : new ComplaintGenerator(11, 0.1, 0.15).generate(200)) {
            if (complaint.valid()) {
                assertThat(violations(complaint.body())).as(complaint.body()).isEmpty();
            }
        }
    }

    @Test
    void invalidBodiesBreakExactlyTheRuleTheyName() {
        List<GeneratedComplaint> invalid = new ComplaintGenerator(11, 0.1, 0.15).generate(200).stream()
                .filter(c -> !c.valid()).toList();

        assertThat(invalid).hasSize(20);
        for (GeneratedComplaint complaint : invalid) {
            assertThat(violations(complaint.body())).as(complaint.invalidBecause()).hasSize(1);
        }
        assertThat(invalid.stream().map(GeneratedComplaint::invalidBecause).collect(Collectors.toSet())).hasSizeGreaterThan(10);
    }

    @Test
    void aShareIsRetriedWithAnIdempotencyKeyNeverAnInvalidOne() {
        List<GeneratedComplaint> complaints = new ComplaintGenerator(5, 0.1, 0.15).generate(200);

        long retried = complaints.stream().filter(GeneratedComplaint::retried).count();
        assertThat(retried).isBetween(15L, 45L);
        assertThat(complaints).noneMatch(c -> c.retried() && !c.valid());
    }

    @Test
    void someCustomersComeBack() {
        List<String> customers = new ComplaintGenerator(5, 0, 0).generate(60).stream()
                .map(c -> JSON.readTree(c.body()).path("customer").path("id").asString()).toList();

        assertThat(Set.copyOf(customers)).hasSizeLessThan(customers.size());
    }

    private static List<String> bodies(List<GeneratedComplaint> complaints) {
        return complaints.stream().map(GeneratedComplaint::body).toList();
    }

    /** The rules of POST /api/complaints (docs/http-api.md), checked independently of the generator. */
    private static List<String> violations(String text) {
        List<String> problems = new ArrayList<>();
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JacksonException e) {
            return List.of("not JSON");
        }
        JsonNode customer = body.path("customer");
        require(problems, "customer.id", customer.path("id").asString(""), 64);
        require(problems, "customer.name", customer.path("name").asString(""), 200);
        require(problems, "subject", body.path("subject").asString(""), 200);
        require(problems, "description", body.path("description").asString(""), 5000);
        if (!Set.of("PHONE", "EMAIL", "CHAT", "IN_PERSON", "SOCIAL_MEDIA", "WEB_FORM").contains(body.path("channel").asString(""))) {
            problems.add("channel");
        }
        String email = customer.path("email").asString(null);
        String phone = customer.path("phone").asString(null);
        if (email == null && phone == null) {
            problems.add("contact");
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[a-z]+")) {
            problems.add("email");
        }
        if (customer.hasNonNull("tier") && !Set.of("STANDARD", "SILVER", "GOLD", "PLATINUM").contains(customer.get("tier").asString())) {
            problems.add("tier");
        }
        if (customer.hasNonNull("since") && LocalDate.parse(customer.get("since").asString()).isAfter(LocalDate.now())) {
            problems.add("since");
        }
        JsonNode order = body.get("order");
        if (order != null && !order.isNull()) {
            if (order.path("id").asString("").isBlank()) {
                problems.add("order.id");
            }
            BigDecimal amount = order.path("amount").decimalValue();
            if (amount.signum() <= 0 || amount.compareTo(new BigDecimal("1000000")) > 0 || amount.scale() > 2) {
                problems.add("order.amount");
            }
            try {
                Currency.getInstance(order.path("currency").asString(""));
            } catch (IllegalArgumentException e) {
                problems.add("order.currency");
            }
            if (order.hasNonNull("completedFraction")) {
                double fraction = order.get("completedFraction").asDouble();
                if (fraction < 0 || fraction > 1) {
                    problems.add("order.completedFraction");
                }
            }
        }
        if (body.path("desiredOutcome").asString("").length() > 500) {
            problems.add("desiredOutcome");
        }
        return problems;
    }

    private static void require(List<String> problems, String field, String value, int max) {
        if (value.isBlank() || value.length() > max) {
            problems.add(field);
        }
    }
}
