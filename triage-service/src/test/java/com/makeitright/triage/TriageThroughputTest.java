package com.makeitright.triage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link TriageBenchmark} over the whole corpus. The complaints/second figure is printed to the test
 * output, not asserted; the test checks only that every complaint was fully triaged.
 */
class TriageThroughputTest {

    @Test
    void triagesTheWholeCorpusAndPrintsComplaintsPerSecond() throws Exception {
        // One pass over the corpus as warm-up, not main()'s 10,000 complaints (70% of this test's time): each rule's
        // matcher runs ~200,000 times in that pass, enough for C2. The figure printed is indicative; main() measures.
        TriageBenchmark.Result result = TriageBenchmark.run(1, 2_861);

        assertThat(result.complaints()).isEqualTo((287 + 124 + 200 + 250 * 9));
        assertThat(result.textCharacters()).isGreaterThan(result.complaints() * 100); // every text was written
    }
}
