package com.makeitright.contract;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Every released version of every event schema, as committed under {@code schema-history/<Event>/v<N>.avsc}.
 * Readers resolve a record's writer schema here by the fingerprint that travels with it, so a record written
 * by any released version stays readable.
 */
public final class SchemaHistory {

    /** Folder on the classpath (and under schemas/src/main/resources) that holds the history. */
    public static final String FOLDER = "schema-history";

    /** One released schema version. {@code fingerprint} is the CRC-64-AVRO of its parsing canonical form. */
    public record Version(String eventName, int version, Schema schema, long fingerprint) {
        public String label() {
            return eventName + " v" + version;
        }
    }

    private static volatile SchemaHistory classpathHistory;

    private final Map<String, List<Version>> byEvent;
    private final Map<Long, Version> byFingerprint;
    private final Map<Class<?>, BinaryMessageDecoder<?>> decoders = new ConcurrentHashMap<>();
    private volatile SchemaStore schemaStore;

    private SchemaHistory(Map<String, List<Version>> byEvent) {
        this.byEvent = Collections.unmodifiableMap(byEvent);
        Map<Long, Version> index = new HashMap<>();
        byEvent.values().forEach(versions -> versions.forEach(v -> index.putIfAbsent(v.fingerprint(), v)));
        this.byFingerprint = Collections.unmodifiableMap(index);
    }

    /** The history packaged with this jar; loaded once. */
    public static SchemaHistory fromClasspath() {
        SchemaHistory history = classpathHistory;
        if (history == null) {
            ClassLoader loader = SchemaHistory.class.getClassLoader();
            history = load((event, version) -> {
                try (InputStream in = loader.getResourceAsStream(FOLDER + "/" + event + "/v" + version + ".avsc")) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            classpathHistory = history;
        }
        return history;
    }

    /** The history in a source folder, as the build-time check and the record tool see it. */
    public static SchemaHistory fromDirectory(Path folder) {
        return load((event, version) -> {
            Path file = file(folder, event, version);
            try {
                return Files.exists(file) ? Files.readString(file) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Path file(Path folder, String event, int version) {
        return folder.resolve(event).resolve("v" + version + ".avsc");
    }

    private static SchemaHistory load(BiFunction<String, Integer, String> reader) {
        Map<String, List<Version>> byEvent = new LinkedHashMap<>();
        for (Topic<?> topic : Topics.ALL) {
            List<Version> versions = new ArrayList<>();
            for (int v = 1; ; v++) {
                String json = reader.apply(topic.eventName(), v);
                if (json == null) {
                    break;
                }
                Schema schema;
                try {
                    schema = new Schema.Parser().parse(json);
                } catch (RuntimeException e) {
                    throw new IllegalStateException(FOLDER + "/" + topic.eventName() + "/v" + v
                            + ".avsc is not a valid Avro schema: " + e.getMessage(), e);
                }
                versions.add(new Version(topic.eventName(), v, schema, SchemaNormalization.parsingFingerprint64(schema)));
            }
            byEvent.put(topic.eventName(), List.copyOf(versions));
        }
        return new SchemaHistory(byEvent);
    }

    public List<Version> versions(String eventName) {
        return byEvent.getOrDefault(eventName, List.of());
    }

    public Optional<Version> byFingerprint(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /**
     * A resolver for Avro's message decoders: every historical schema by fingerprint. Built once per history:
     * adding a schema computes its parsing canonical form and fingerprint, far too slow for a record's path.
     */
    public SchemaStore schemaStore() {
        SchemaStore store = schemaStore;
        if (store == null) {
            SchemaStore.Cache cache = new SchemaStore.Cache();
            byEvent.values().forEach(versions -> versions.forEach(v -> cache.addSchema(v.schema())));
            schemaStore = store = cache;
        }
        return store;
    }

    /**
     * The decoder of single-object encoded records into this generated class, resolving writer schemas in this
     * history; one per class and history (thread-safe), since building one fingerprints the reader schema.
     */
    @SuppressWarnings("unchecked")
    <T> BinaryMessageDecoder<T> decoder(Class<T> type) {
        return (BinaryMessageDecoder<T>) decoders.computeIfAbsent(type, t -> {
            SpecificData model = SpecificData.getForClass(t);
            return new BinaryMessageDecoder<>(model, model.getSchema(t), schemaStore());
        });
    }
}
