package com.makeitright.triage.classify;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped weights are exactly what the trainer makes of the corpus, so the two cannot drift apart. Run with
 * {@code -Dtriage.retrain=true} to rewrite the weights file from the corpus instead of checking it.
 */
class ModelWeightsTest {

    private static final Path WEIGHTS = Path.of("src/main/resources" + TriageModel.RESOURCE);

    @Test
    void theShippedWeightsAreWhatTheTrainerProducesFromTheCorpus() throws Exception {
        String trained = ModelTrainer.train(ModelTrainer.loadCorpus(), ModelTrainer.Settings.CHOSEN);
        if (Boolean.getBoolean("triage.retrain")) {
            Files.writeString(WEIGHTS, trained, StandardCharsets.UTF_8);
            System.out.println("retrained: wrote " + WEIGHTS.toAbsolutePath());
        }

        String shipped;
        try (InputStream in = TriageModel.class.getResourceAsStream(TriageModel.RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (Boolean.getBoolean("triage.retrain")) {
            shipped = Files.readString(WEIGHTS, StandardCharsets.UTF_8);
        }
        assertThat(shipped).as("model-weights.tsv is stale: retrain it (see triage-service/README.md)").isEqualTo(trained);
    }

    @Test
    void theWeightsFileIsReadableAndSortedWithBothHeads() {
        TriageModel model = TriageModel.standard();

        assertThat(model.head("cause").classes()).containsExactly("OUR_ERROR", "MISUNDERSTANDING",
                "MISPLACED_HOSTILITY", "UNREASONABLE", "SUSPECTED_ABUSE");
        assertThat(model.head("anger").classes()).containsExactly("CALM", "UPSET", "ANGRY", "HOSTILE");
        assertThat(model.head("cause").weights()).containsKey(TriageModel.BIAS).containsKey("sig:admits-it-was-written");
        assertThat(model.head("cause").weight("sig:repeat-claim", "SUSPECTED_ABUSE"))
                .as("a repeated claim points to abuse").isPositive();
        assertThat(model.head("cause").weight("sig:trouble-elsewhere", "MISPLACED_HOSTILITY"))
                .as("trouble elsewhere points to misplaced hostility").isPositive();
    }
}
