package com.makeitright.contract;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The build-time check rejects every kind of incompatible change and names the schema and field. */
class SchemaCompatibilityTest {

    private static final Path HISTORY = Path.of("src/main/resources/schema-history");
    private static final Schema RESPONDED = Topics.REMEDY_RESPONSES.schema();

    @Test
    void theCommittedHistoryPassesTheCheck() {
        assertThat(SchemaHistoryTool.check(HISTORY)).isEmpty();
    }

    @Test
    void renamingAFieldWithoutAnAliasIsRejected() {
        Schema old = replaceField(RESPONDED, "offerId", f -> new Schema.Field("offer_id", f.schema(), f.doc()));

        assertThat(problems("RemedyResponded", RESPONDED, old)).anySatisfy(problem -> assertThat(problem)
                .contains("RemedyResponded: the current schema cannot read records written with v1")
                .contains("field 'offerId' has no default"));
    }

    @Test
    void renamingAFieldWithAnAliasIsAccepted() {
        Schema renamed = replaceField(RESPONDED, "offerId", f -> {
            Schema.Field field = new Schema.Field("offerReference", f.schema(), f.doc());
            field.addAlias("offerId");
            return field;
        });

        assertThat(SchemaCompatibility.problems("RemedyResponded", renamed, List.of(version(RESPONDED))))
                .noneMatch(problem -> problem.contains("current schema cannot read"));
    }

    @Test
    void removingAFieldThatHasNoDefaultIsRejected() {
        // v1 had a required field that the current schema dropped: readers of v1 cannot read new records.
        Schema old = replaceField(RESPONDED, "offerId", f -> f);
        List<Schema.Field> fields = copyFields(old);
        fields.add(new Schema.Field("agentId", Schema.create(Schema.Type.STRING), "removed later"));
        Schema withAgent = Schema.createRecord(old.getName(), old.getDoc(), old.getNamespace(), false, fields);

        assertThat(problems("RemedyResponded", RESPONDED, withAgent)).anySatisfy(problem -> assertThat(problem)
                .contains("readers of v1 cannot read records of the current schema")
                .contains("field 'agentId' has no default"));
    }

    @Test
    void changingAFieldTypeIsRejectedWithTheNestedFieldPath() {
        Schema current = Topics.COMPLAINTS_RECEIVED.schema();
        Schema old = parse(current.toString().replace("{\"name\":\"sku\",\"type\":[\"null\",{\"type\":\"string\",\"avro.java.string\":\"String\"}]",
                "{\"name\":\"sku\",\"type\":[\"null\",\"int\"]"));
        assertThat(old.toString()).as("fixture changed the type").isNotEqualTo(current.toString());

        assertThat(problems("ComplaintReceived", current, old)).anySatisfy(problem -> assertThat(problem)
                .contains("field 'order.sku'").contains("changed type"));
    }

    @Test
    void removingAnEnumSymbolWithoutDefaultIsRejected() {
        String withDefault = Topics.COMPLAINTS_ACKNOWLEDGED.schema().toString();
        assertThat(withDefault).as("fixture").contains("\"HOSTILE\"],\"default\":\"UPSET\"");
        Schema current = parse(withDefault.replace("\"HOSTILE\"],\"default\":\"UPSET\"", "\"HOSTILE\"]"));
        Schema old = parse(withDefault.replace("\"HOSTILE\"],\"default\":\"UPSET\"", "\"HOSTILE\",\"FURIOUS\"]"));

        assertThat(problems("ComplaintAcknowledged", current, old)).anySatisfy(problem -> assertThat(problem)
                .contains("field 'anger'").contains("FURIOUS"));
    }

    @Test
    void removingAnEnumSymbolIsAcceptedWhenTheEnumHasADefault() {
        Schema current = Topics.COMPLAINTS_ACKNOWLEDGED.schema();
        Schema old = parse(current.toString().replace("\"HOSTILE\"]", "\"HOSTILE\",\"FURIOUS\"]"));

        assertThat(problems("ComplaintAcknowledged", current, old)).isEmpty();
    }

    @Test
    void theToolFailsOnAnIncompatibleHistoryAndNamesSchemaAndField(@TempDir Path folder) throws IOException {
        copyHistory(folder, "RemedyResponded", json -> json.replaceAll("\"name\"\\s*:\\s*\"offerId\"", "\"name\": \"offer_id\""));

        assertThatThrownBy(() -> SchemaHistoryTool.main(new String[]{"check", folder.toString()}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Event schemas break the contract")
                .hasMessageContaining("RemedyResponded")
                .hasMessageContaining("'offerId'");
    }

    @Test
    void aCompatibleChangeMustBeRecordedAndRecordingWritesTheNextVersion(@TempDir Path folder) throws IOException {
        // A history whose only version lacks the optional 'note' field: the current schema is a compatible,
        // unrecorded change.
        copyHistory(folder, "RemedyResponded", json -> {
            Schema schema = parse(json);
            List<Schema.Field> fields = copyFields(schema);
            fields.removeIf(f -> f.name().equals("note"));
            return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields)
                    .toString(true);
        });

        assertThat(SchemaHistoryTool.check(folder)).singleElement().asString()
                .contains("RemedyResponded: the current schema is a compatible change")
                .contains(SchemaHistoryTool.RECORD_COMMAND);

        assertThat(SchemaHistoryTool.record(folder)).containsExactly(folder.resolve("RemedyResponded/v2.avsc"));
        assertThat(Files.readString(folder.resolve("RemedyResponded/v2.avsc"))).doesNotContain("avro.java.string");
        assertThat(SchemaHistoryTool.check(folder)).isEmpty();
    }

    private static Schema replaceField(Schema record, String name, UnaryOperator<Schema.Field> change) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            Schema.Field copy = new Schema.Field(field, field.schema());
            fields.add(field.name().equals(name) ? change.apply(copy) : copy);
        }
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    private static List<Schema.Field> copyFields(Schema record) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        return fields;
    }

    private static void copyHistory(Path folder, String changedEvent, UnaryOperator<String> change) throws IOException {
        for (Topic<?> topic : Topics.ALL) {
            Path source = HISTORY.resolve(topic.eventName());
            Path target = Files.createDirectories(folder.resolve(topic.eventName()));
            boolean changed = topic.eventName().equals(changedEvent);
            try (var files = Files.list(source)) {
                for (Path file : files.toList()) {
                    if (changed && !file.getFileName().toString().equals("v1.avsc")) {
                        continue; // the changed event keeps a single, edited version
                    }
                    String json = Files.readString(file);
                    Files.writeString(target.resolve(file.getFileName()), changed ? change.apply(json) : json);
                }
            }
        }
    }

    private static List<String> problems(String event, Schema current, Schema old) {
        return SchemaCompatibility.problems(event, current, List.of(version(old)));
    }

    private static SchemaHistory.Version version(Schema schema) {
        return new SchemaHistory.Version("x", 1, schema, 0L);
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
