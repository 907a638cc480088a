package com.makeitright.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The labeled example complaints of examples/complaints-labeled.jsonl (the design's test set). */
public final class LabeledExamples {

    public static final String RESOURCE = "examples/complaints-labeled.jsonl";

    /**
     * One example.
     *
     * @param complaintJson the request body, exactly as in the file
     */
    public record Example(String id, String expectedCause, String expectedAnger, String complaintJson,
                          ComplaintRequest complaint) {
        @Override
        public String toString() {
            return id;
        }
    }

    private LabeledExamples() {
    }

    public static List<Example> all() {
        JsonMapper mapper = JsonMapper.builder().build();
        InputStream in = LabeledExamples.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        List<Example> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                JsonNode complaint = node.get("complaint");
                examples.add(new Example(node.get("id").asString(),
                        node.path("expect").path("cause").asString(null),
                        node.path("expect").path("anger").asString(null),
                        complaint.toString(),
                        mapper.treeToValue(complaint, ComplaintRequest.class)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }
}
