package com.makeitright.triage.classify;

import com.makeitright.testing.LabeledExamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every complaint of the corpus, the blind set and the 16 labeled examples, classified, against the verdicts on
 * record in {@value #RESOURCE}: cause, anger, confidences, every signal with its evidence and weight, root cause,
 * review reasons and key phrase. A refactoring of the classifier or of the lexicon changes none of them; a change
 * meant to change verdicts shows each one it changed in the file's diff. Run with {@code -Dtriage.regolden=true}
 * to rewrite the file (after a lexicon change, with the retrained weights; see the module README).
 */
class ClassificationsGoldenTest {

    static final String RESOURCE = "/triage/golden-classifications.jsonl";
    private static final Path GOLDEN = Path.of("src/test/resources" + RESOURCE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyComplaintIsClassifiedAsOnRecord() throws Exception {
        String now = String.join("\n", classifyAll()) + "\n";
        if (Boolean.getBoolean("triage.regolden")) {
            Files.writeString(GOLDEN, now, StandardCharsets.UTF_8);
            System.out.println("wrote " + GOLDEN.toAbsolutePath());
            return;
        }
        String recorded;
        try (InputStream in = ClassificationsGoldenTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " (write it with -Dtriage.regolden=true)").isNotNull();
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> expected = recorded.lines().toList();
        List<String> actual = now.lines().toList();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("classification %d of %s", i + 1, RESOURCE).isEqualTo(expected.get(i));
        }
    }

    private static List<String> classifyAll() throws Exception {
        Classifier classifier = new Classifier();
        List<String> lines = new ArrayList<>();
        List<String> sources = new ArrayList<>(ModelTrainer.CORPUS);
        sources.add("blind-test-C");
        for (String source : sources) {
            for (ModelTrainer.Example example : ModelTrainer.load(source)) {
                lines.add(line(source + "/" + example.id(), classifier.classify(example.text(), History.NONE)));
            }
        }
        for (LabeledExamples.Example example : LabeledExamples.all()) {
            lines.add(line("examples/" + example.id(), classifier.classify(Texts.of(example.complaint()), History.NONE)));
        }
        return lines;
    }

    private static String line(String id, Classification c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("cause", c.cause().name());
        row.put("causeConfidence", c.causeConfidence());
        row.put("anger", c.anger().name());
        row.put("angerConfidence", c.angerConfidence());
        row.put("rootCause", c.rootCause().name());
        row.put("signals", c.signals().stream()
                .map(e -> List.of(e.signal(), e.evidence(), e.weight(), e.indicates())).toList());
        row.put("review", c.reviewReasons());
        row.put("keyPhrase", c.keyPhrase());
        return JSON.writeValueAsString(row);
    }
}
