package com.makeitright.triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline runner behind {@code ./complaints triage FILE.jsonl}: clean JSON lines out, the evaluation on stderr. */
class OfflineTriageTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path file) {
        return OfflineTriage.run(new String[]{file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @TempDir
    Path work;

    /** The labeled examples (shipped inside the test-support jar) as a file, the way the CLI passes them. */
    private Path examples() throws Exception {
        Path file = work.resolve("complaints-labeled.jsonl");
        if (!Files.exists(file)) {
            try (var in = OfflineTriageTest.class.getResourceAsStream("/examples/complaints-labeled.jsonl")) {
                Files.copy(in, file);
            }
        }
        return file;
    }

    @Test
    void printsOneJsonLinePerComplaintAndTheEvaluationOnStderr() throws Exception {
        int status = run(examples());

        assertThat(status).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(16);
        JsonMapper json = JsonMapper.builder().build();
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            assertThat(node.propertyNames()).contains("id", "cause", "causeConfidence", "anger", "angerConfidence",
                    "priority", "signals", "reviewNeeded");
            assertThat(node.get("signals").isArray()).isTrue();
            assertThat(node.get("causeConfidence").isNumber()).isTrue();
        }
        assertThat(json.readTree(lines.get(0)).get("id").asString()).isEqualTo("E01");
        String report = err.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("cause confusion (rows expected, columns predicted)", "cause accuracy: ",
                "anger confusion (rows expected, columns predicted)", "anger accuracy: ", "anger two or more levels off: 0");
    }

    @Test
    void linesWithoutExpectationsGetNoEvaluation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plain.jsonl");
        Files.writeString(file, "{\"id\":\"X1\",\"complaint\":{\"channel\":\"CHAT\",\"subject\":\"Late\","
                + "\"description\":\"My order is two weeks late and nobody answers my emails. Not happy.\"}}\n");

        assertThat(run(file)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anUnreadableLineStopsWithStatusTwoNamingTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, Files.readAllLines(examples()).get(0) + "\n{\"id\":\"X2\",\"complaint\": oops\n");

        assertThat(run(file)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2");
    }

    @Test
    void aMissingFileOrUnknownChannelIsUnreadableInput(@TempDir Path dir) throws Exception {
        assertThat(run(dir.resolve("nope.jsonl"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read");

        Path file = dir.resolve("channel.jsonl");
        Files.writeString(file, "{\"id\":\"X3\",\"complaint\":{\"channel\":\"PIGEON\",\"description\":\"Late again.\"}}\n");
        assertThat(run(file)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 1").contains("unknown channel \"PIGEON\"");
    }
}
