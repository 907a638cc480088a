package com.makeitright.triage.classify;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.testing.LabeledExamples;
import com.makeitright.testing.LabeledExamples.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The product's 16 labeled examples (the test set of issue #6; never used as training data). */
class LabeledExamplesTest {

    private final Classifier classifier = new Classifier();

    static List<Example> examples() {
        return LabeledExamples.all();
    }

    @Test
    void meetsTheAccuracyTargetsAndIsNeverTwoAngerLevelsOff() {
        int causes = 0;
        int angers = 0;
        for (Example example : examples()) {
            Classification c = classifier.classify(Texts.of(example.complaint()), History.NONE);
            causes += c.cause() == Cause.valueOf(example.expectedCause()) ? 1 : 0;
            angers += c.anger() == Anger.valueOf(example.expectedAnger()) ? 1 : 0;
            assertThat(Math.abs(c.anger().ordinal() - Anger.valueOf(example.expectedAnger()).ordinal()))
                    .as("anger levels off for %s", example.id()).isLessThan(2);
        }
        assertThat(examples()).hasSize(16);
        assertThat(causes / 16.0).as("cause accuracy").isGreaterThanOrEqualTo(0.9);
        assertThat(angers / 16.0).as("anger accuracy").isGreaterThanOrEqualTo(0.8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void classifiesEachExampleAsLabeled(Example example) {
        Classification c = classifier.classify(Texts.of(example.complaint()), History.NONE);

        assertThat(c.cause()).as("cause").isEqualTo(Cause.valueOf(example.expectedCause()));
        assertThat(c.anger()).as("anger").isEqualTo(Anger.valueOf(example.expectedAnger()));
        assertThat(c.signals()).as("evidence behind the verdict").isNotEmpty();
    }
}
