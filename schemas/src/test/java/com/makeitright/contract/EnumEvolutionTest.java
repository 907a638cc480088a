package com.makeitright.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every enum of every event has a default symbol, recorded in the history, so a symbol added later (a new
 * follow-up kind, a new remedy) is a fully compatible change: older readers see the default. For each enum of
 * each event: adding a symbol passes the build's check against the committed history; the same addition to the
 * enum without its default is refused, and so is it against the history as it was before the defaults.
 */
class EnumEvolutionTest {

    private static final Path HISTORY = Path.of("src/main/resources/schema-history");
    private static final String ADDED = "ADDED_LATER";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaHistory history = SchemaHistory.fromDirectory(HISTORY);

    @Test
    void everyEnumOfEveryEventHasADefaultThatIsOneOfItsSymbols() {
        for (Topic<?> topic : Topics.ALL) {
            for (Schema enumeration : enums(topic.schema())) {
                assertThat(enumeration.getEnumDefault()).as(topic.eventName() + " " + enumeration.getName())
                        .isNotNull().isIn(enumeration.getEnumSymbols());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> addingASymbolToAnyEnumIsFullyCompatibleWithTheHistory() {
        return eachEnum().map(c -> DynamicTest.dynamicTest(c.event() + ": " + c.enumName() + " + " + ADDED, () -> {
            Schema added = edit(c.schema(), c.enumName(), true);
            assertThat(symbols(added, c.enumName())).contains(ADDED);

            assertThat(SchemaCompatibility.problems(c.event(), added, history.versions(c.event()))).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> withoutTheDefaultAddingASymbolIsRefused() {
        return eachEnum().map(c -> DynamicTest.dynamicTest(c.event() + ": " + c.enumName() + " without default",
                () -> {
                    Schema withoutDefault = edit(c.schema(), c.enumName(), false, false);
                    Schema added = edit(withoutDefault, c.enumName(), true, false);

                    assertThat(SchemaCompatibility.problems(c.event(), added, List.of(version(withoutDefault))))
                            .anySatisfy(problem -> assertThat(problem)
                                    .contains("readers of v1 cannot read records of the current schema")
                                    .contains(ADDED).contains("has no enum default"));
                }));
    }

    @Test
    void theRecordedDefaultsAreWhatMakesItCompatible() {
        // Before the defaults were recorded, each of these events had one version without them: a symbol added to
        // an enum that had no default then is refused against that history alone.
        List<String> refused = new ArrayList<>();
        eachEnum().forEach(c -> {
            List<SchemaHistory.Version> before = history.versions(c.event()).stream()
                    .filter(v -> v.version() == 1).toList();
            Optional<Schema> v1Enum = enums(before.get(0).schema()).stream()
                    .filter(e -> e.getFullName().equals(c.enumName())).findFirst();
            if (v1Enum.isEmpty()) {
                return; // the event took the enum up later (RemedyApprovalDecided's approverAuthority), default and all
            }
            // Only the problems of the symbol added here: one added since v1 to another enum (FollowUpDue's
            // ACKNOWLEDGEMENT_OVERDUE) is the full history's to accept, through that enum's recorded default.
            List<String> problems = SchemaCompatibility.problems(c.event(), edit(c.schema(), c.enumName(), true),
                    before).stream().filter(problem -> problem.contains(ADDED)).toList();
            if (v1Enum.get().getEnumDefault() == null) {
                assertThat(problems).as(c.event() + " " + c.enumName()).isNotEmpty();
                refused.add(c.enumName());
            } else {
                assertThat(problems).as(c.event() + " " + c.enumName()).isEmpty();
            }
        });
        assertThat(refused).contains("com.makeitright.events.FollowUpKind", "com.makeitright.events.RemedyKind");
    }

    @Test
    void aVersionThatOnlyAddsDefaultsHasTheSameFingerprintButIsRecordedAsItsOwn() {
        List<SchemaHistory.Version> versions = history.versions("FollowUpDue");
        assertThat(versions).hasSizeGreaterThanOrEqualTo(2);
        assertThat(versions.get(1).fingerprint()).isEqualTo(versions.get(0).fingerprint());
        assertThat(SchemaCompatibility.isRecorded(Topics.FOLLOW_UP_DUE.schema(), versions.subList(0, 1))).isFalse();
        assertThat(SchemaCompatibility.isRecorded(Topics.FOLLOW_UP_DUE.schema(), versions)).isTrue();
        // v3 added ACKNOWLEDGEMENT_OVERDUE, a new symbol: a new fingerprint, recorded as the newest version
        assertThat(SchemaNormalization.parsingFingerprint64(Topics.FOLLOW_UP_DUE.schema()))
                .isEqualTo(versions.get(versions.size() - 1).fingerprint());
    }

    private record Case(String event, Schema schema, String enumName) {
    }

    private static Stream<Case> eachEnum() {
        List<Case> cases = new ArrayList<>();
        for (Topic<?> topic : Topics.ALL) {
            for (Schema enumeration : enums(topic.schema())) {
                cases.add(new Case(topic.eventName(), topic.schema(), enumeration.getFullName()));
            }
        }
        assertThat(cases).as("the events carry enums").hasSizeGreaterThan(10);
        return cases.stream();
    }

    private static List<Schema> enums(Schema schema) {
        Set<Schema> found = new LinkedHashSet<>();
        collect(schema, found, new IdentityHashMap<>());
        return List.copyOf(found);
    }

    private static void collect(Schema schema, Set<Schema> found, Map<Schema, Boolean> seen) {
        if (seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        switch (schema.getType()) {
            case ENUM -> found.add(schema);
            case RECORD -> schema.getFields().forEach(f -> collect(f.schema(), found, seen));
            case ARRAY -> collect(schema.getElementType(), found, seen);
            case MAP -> collect(schema.getValueType(), found, seen);
            case UNION -> schema.getTypes().forEach(b -> collect(b, found, seen));
            default -> {
            }
        }
    }

    private static List<String> symbols(Schema schema, String enumName) {
        return enums(schema).stream().filter(e -> e.getFullName().equals(enumName)).findFirst().orElseThrow()
                .getEnumSymbols();
    }

    private static Schema edit(Schema schema, String enumName, boolean addSymbol) {
        return edit(schema, enumName, addSymbol, true);
    }

    /** The schema with the named enum's definition changed: a symbol appended, its default kept or dropped. */
    private static Schema edit(Schema schema, String enumName, boolean addSymbol, boolean keepDefault) {
        try {
            JsonNode tree = JSON.readTree(schema.toString());
            String simpleName = enumName.substring(enumName.lastIndexOf('.') + 1);
            int[] edited = {0};
            visit(tree, node -> {
                if ("enum".equals(node.path("type").asText()) && simpleName.equals(node.path("name").asText())) {
                    if (addSymbol) {
                        ((ArrayNode) node.get("symbols")).add(ADDED);
                    }
                    if (!keepDefault) {
                        node.remove("default");
                    }
                    edited[0]++;
                }
            });
            assertThat(edited[0]).as("definitions of " + enumName).isEqualTo(1);
            return new Schema.Parser().parse(JSON.writeValueAsString(tree));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void visit(JsonNode node, java.util.function.Consumer<ObjectNode> action) {
        if (node instanceof ObjectNode object) {
            action.accept(object);
        }
        node.forEach(child -> visit(child, action));
    }

    private static SchemaHistory.Version version(Schema schema) {
        return new SchemaHistory.Version("x", 1, schema, SchemaNormalization.parsingFingerprint64(schema));
    }
}
