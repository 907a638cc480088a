package com.makeitright.triage.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closest thing to the product's own judgement: {@code corpus/blind-test-C.jsonl}, 160 complaints written in
 * the labeled examples' style by an author who saw neither the classifier nor any other set, kept out of training
 * and out of model selection (see corpus/README.md). Never add it to {@code ModelTrainer.CORPUS}.
 */
class BlindTestSetTest {

    private final Classifier classifier = new Classifier();

    @Test
    void meetsTheProductTargetsOnComplaintsItHasNeverSeen() throws Exception {
        List<ModelTrainer.Example> set = ModelTrainer.load("blind-test-C");
        int causes = 0;
        int angers = 0;
        int twoOff = 0;
        for (ModelTrainer.Example example : set) {
            Classification c = classifier.classify(example.text(), History.NONE);
            causes += c.cause() == example.cause() ? 1 : 0;
            angers += c.anger() == example.anger() ? 1 : 0;
            twoOff += Math.abs(c.anger().ordinal() - example.anger().ordinal()) >= 2 ? 1 : 0;
        }
        System.out.printf("blind set C: cause %d/%d, anger %d/%d, two anger levels off %d%n",
                causes, set.size(), angers, set.size(), twoOff);

        assertThat(set).hasSize(160);
        assertThat(ModelTrainer.CORPUS).as("kept out of training").doesNotContain("blind-test-C");
        assertThat(causes / (double) set.size()).as("cause accuracy (measured 96.3%)").isGreaterThanOrEqualTo(0.94);
        assertThat(angers / (double) set.size()).as("anger accuracy (measured 98.8%)").isGreaterThanOrEqualTo(0.96);
        assertThat(twoOff).as("anger two levels off").isZero();
    }
}
