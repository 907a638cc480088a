package com.makeitright.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.apache.avro.Schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build-time guard of the event contract, run by {@code ./mvnw verify} (process-classes phase).
 *
 * <ul>
 *   <li>{@code check DIR}: fails when a current schema is not fully compatible with every version in the
 *       history, or is a compatible change not yet recorded there.</li>
 *   <li>{@code record DIR}: appends each changed, compatible schema as the next version
 *       ({@code ./mvnw -pl schemas compile exec:java@record-schemas}).</li>
 * </ul>
 * Failures are thrown, not {@code System.exit}, so Maven reports them and stops the build.
 */
public final class SchemaHistoryTool {

    static final String RECORD_COMMAND = "./mvnw -pl schemas compile exec:java@record-schemas";

    private SchemaHistoryTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of("check", "record").contains(args[0])) {
            throw new IllegalArgumentException("usage: SchemaHistoryTool check|record HISTORY_DIR");
        }
        Path folder = Path.of(args[1]);
        if (args[0].equals("check")) {
            List<String> problems = check(folder);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Event schemas break the contract:\n  - "
                        + String.join("\n  - ", problems));
            }
            System.out.println("[schema-history] " + Topics.ALL.size() + " event schemas are fully compatible"
                    + " with every recorded version");
        } else {
            record(folder).forEach(file -> System.out.println("[schema-history] recorded " + file));
        }
    }

    /** Every incompatibility and every unrecorded schema; empty when the contract holds. */
    public static List<String> check(Path folder) {
        SchemaHistory history = SchemaHistory.fromDirectory(folder);
        List<String> problems = new ArrayList<>();
        for (Topic<?> topic : Topics.ALL) {
            List<SchemaHistory.Version> versions = history.versions(topic.eventName());
            List<String> incompatible = SchemaCompatibility.problems(topic.eventName(), topic.schema(), versions);
            problems.addAll(incompatible);
            if (incompatible.isEmpty() && !SchemaCompatibility.isRecorded(topic.schema(), versions)) {
                problems.add(topic.eventName() + ": the current schema is a compatible change that is not in "
                        + folder.resolve(topic.eventName()) + " yet; record it with: " + RECORD_COMMAND);
            }
        }
        return problems;
    }

    /** Writes the next version of each compatible, unrecorded schema; refuses incompatible ones. */
    public static List<Path> record(Path folder) throws IOException {
        SchemaHistory history = SchemaHistory.fromDirectory(folder);
        List<Path> written = new ArrayList<>();
        for (Topic<?> topic : Topics.ALL) {
            List<SchemaHistory.Version> versions = history.versions(topic.eventName());
            Schema current = topic.schema();
            if (SchemaCompatibility.isRecorded(current, versions)) {
                continue;
            }
            List<String> problems = SchemaCompatibility.problems(topic.eventName(), current, versions);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Refusing to record an incompatible schema:\n  - "
                        + String.join("\n  - ", problems));
            }
            Path file = SchemaHistory.file(folder, topic.eventName(), versions.size() + 1);
            Files.createDirectories(file.getParent());
            Files.writeString(file, portableJson(current));
            written.add(file);
        }
        return written;
    }

    /**
     * The schema as other languages should see it: without the Java-only {@code avro.java.string} hint that
     * the generated classes carry. The hint is not part of the canonical form, so the fingerprint is the same.
     */
    static String portableJson(Schema schema) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode tree = strip(mapper.readTree(schema.toString()));
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
    }

    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("avro.java.string");
            if (object.size() == 1 && object.path("type").isTextual()) {
                return TextNode.valueOf(object.get("type").asText());
            }
            var names = new java.util.ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, strip(object.get(name)));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, strip(array.get(i)));
            }
        }
        return node;
    }
}
