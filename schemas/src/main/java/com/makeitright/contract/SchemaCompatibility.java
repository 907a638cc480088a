package com.makeitright.contract;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.util.internal.JacksonUtils;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Full compatibility between a schema and its history, by Avro's own resolution rules: the current schema
 * must read every historical version (new code reads old records) and every historical version must read
 * the current one (old code reads new records). Problems name the event, the version and the field.
 *
 * <p>A version is identified by its parsing canonical form (what travels on the wire, the fingerprint) plus what
 * readers do with values they do not know: enum and field defaults, which the canonical form leaves out. So a
 * version that only adds an enum default is a version of its own, with the same fingerprint as the one before.
 * "Readers of vN" are the readers of vN's wire form as they run today: the newest recorded version with vN's
 * fingerprint (readers are deployed before writers, README), so once a version that gives an enum a default is
 * recorded, adding a symbol to that enum is compatible.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** Every way in which {@code current} breaks full compatibility with the given versions; empty when none. */
    public static List<String> problems(String eventName, Schema current, List<SchemaHistory.Version> history) {
        List<String> problems = new ArrayList<>();
        for (SchemaHistory.Version old : history) {
            describe(problems, eventName + ": the current schema cannot read records written with v" + old.version(),
                    current, old.schema());
            describe(problems, eventName + ": readers of v" + old.version() + " cannot read records of the current schema",
                    newestReader(old, history).schema(), current);
        }
        return problems;
    }

    /** The newest recorded version with the wire form of {@code old}: how readers of that form read today. */
    private static SchemaHistory.Version newestReader(SchemaHistory.Version old, List<SchemaHistory.Version> history) {
        SchemaHistory.Version newest = old;
        for (SchemaHistory.Version version : history) {
            if (version.version() > newest.version() && fingerprint(version) == fingerprint(old)) {
                newest = version;
            }
        }
        return newest;
    }

    private static long fingerprint(SchemaHistory.Version version) {
        return SchemaNormalization.parsingFingerprint64(version.schema());
    }

    /**
     * True when the history already holds exactly this schema: the same parsing canonical form and the same enum
     * and field defaults (which the canonical form leaves out, but which decide what readers make of new values).
     */
    public static boolean isRecorded(Schema current, List<SchemaHistory.Version> history) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(current);
        String defaults = defaults(current);
        return history.stream().anyMatch(v -> fingerprint(v) == fingerprint && defaults(v.schema()).equals(defaults));
    }

    /** Every enum default and field default in the schema, as sorted text: what resolution uses beyond the form. */
    static String defaults(Schema schema) {
        TreeSet<String> found = new TreeSet<>();
        collectDefaults(schema, found, new IdentityHashMap<>());
        return String.join("\n", found);
    }

    private static void collectDefaults(Schema schema, TreeSet<String> found, Map<Schema, Boolean> seen) {
        if (seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        switch (schema.getType()) {
            case ENUM -> {
                if (schema.getEnumDefault() != null) {
                    found.add(schema.getFullName() + " default " + schema.getEnumDefault());
                }
            }
            case RECORD -> schema.getFields().forEach(field -> {
                if (field.hasDefaultValue()) {
                    found.add(schema.getFullName() + "." + field.name() + " default "
                            + JacksonUtils.toJsonNode(field.defaultVal())); // the default as JSON, as in the file
                }
                collectDefaults(field.schema(), found, seen);
            });
            case ARRAY -> collectDefaults(schema.getElementType(), found, seen);
            case MAP -> collectDefaults(schema.getValueType(), found, seen);
            case UNION -> schema.getTypes().forEach(branch -> collectDefaults(branch, found, seen));
            default -> {
                // primitives and fixed carry no default of their own
            }
        }
    }

    private static void describe(List<String> problems, String heading, Schema reader, Schema writer) {
        describe(problems, heading, "", reader, writer);
    }

    private static void describe(List<String> problems, String heading, String prefix, Schema reader, Schema writer) {
        SchemaCompatibilityResult result = org.apache.avro.SchemaCompatibility
                .checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            String path = prefix + fieldPath(reader, incompatibility.getLocation());
            Schema[] branches = sameNamedBranches(incompatibility);
            if (branches != null) {
                // Avro reports an optional record that changed inside as a missing union branch; look inside it.
                describe(problems, heading, path + ".", branches[0], branches[1]);
            } else {
                problems.add(heading + ": field '" + path + "' " + explain(incompatibility));
            }
        }
    }

    /**
     * For a missing union branch whose writer branch is a named type that the reader union also has (by full
     * name): that pair of branches, reader first. Avro's location ends with the writer's branch index.
     */
    private static Schema[] sameNamedBranches(Incompatibility incompatibility) {
        if (incompatibility.getType() != org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType.MISSING_UNION_BRANCH) {
            return null;
        }
        Schema reader = incompatibility.getReaderFragment();
        Schema writer = incompatibility.getWriterFragment();
        if (writer.getType() == Schema.Type.UNION) {
            String location = incompatibility.getLocation();
            String last = location.substring(location.lastIndexOf('/') + 1);
            if (!last.chars().allMatch(Character::isDigit) || last.isEmpty()
                    || Integer.parseInt(last) >= writer.getTypes().size()) {
                return null;
            }
            writer = writer.getTypes().get(Integer.parseInt(last));
        }
        if (reader.getType() != Schema.Type.UNION || !isNamed(writer)) {
            return null;
        }
        String name = writer.getFullName();
        Schema writerBranch = writer;
        return reader.getTypes().stream()
                .filter(branch -> isNamed(branch) && branch.getFullName().equals(name))
                .findFirst().map(branch -> new Schema[]{branch, writerBranch}).orElse(null);
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    private static String explain(Incompatibility incompatibility) {
        String detail = incompatibility.getMessage();
        return switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "has no default, and the writer has no field '" + detail
                    + "' (a removed field needs a default; a renamed field needs an alias)";
            case TYPE_MISMATCH -> "changed type (" + detail + ")";
            case MISSING_ENUM_SYMBOLS -> "lacks enum symbols " + detail + " and has no enum default";
            case MISSING_UNION_BRANCH -> "changed type (" + detail + ")";
            case NAME_MISMATCH -> "changed its named type (" + detail + "; add an alias)";
            case FIXED_SIZE_MISMATCH -> "changed its fixed size (" + detail + ")";
        };
    }

    /**
     * Turns Avro's location (a JSON pointer into the reader schema, e.g. {@code /fields/5/type/fields/2/type})
     * into a dotted field path such as {@code order.amount}.
     */
    static String fieldPath(Schema root, String location) {
        List<String> names = new ArrayList<>();
        Schema schema = root;
        String[] parts = location.split("/");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || schema == null) {
                continue;
            }
            switch (part) {
                case "fields" -> {
                    if (i + 1 < parts.length && schema.getType() == Schema.Type.RECORD) {
                        int index = Integer.parseInt(parts[++i]);
                        if (index < schema.getFields().size()) {
                            Schema.Field field = schema.getFields().get(index);
                            names.add(field.name());
                            schema = field.schema();
                        } else {
                            schema = null;
                        }
                    }
                }
                case "items" -> schema = schema.getType() == Schema.Type.ARRAY ? schema.getElementType() : schema;
                case "values" -> schema = schema.getType() == Schema.Type.MAP ? schema.getValueType() : schema;
                case "type", "name", "symbols", "size" -> {
                    // descends into the field's own schema, which we already hold
                }
                default -> {
                    if (schema.getType() == Schema.Type.UNION && part.chars().allMatch(Character::isDigit)) {
                        int branch = Integer.parseInt(part);
                        schema = branch < schema.getTypes().size() ? schema.getTypes().get(branch) : null;
                    }
                }
            }
        }
        return names.isEmpty() ? "(record)" : String.join(".", names);
    }
}
