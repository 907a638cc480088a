package com.makeitright.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the serde benchmark working in the build with a short run; it prints its figures (in this test's
 * surefire output) and asserts no time. For real figures run {@link SerdeHotPathBenchmark#main} for seconds.
 */
class SerdeHotPathBenchmarkTest {

    @Test
    void printsDecodeAndEncodeRatiosAgainstTheFormerPath() {
        var lines = SerdeHotPathBenchmark.run(0.2);
        lines.forEach(System.out::println);
        assertThat(lines).anyMatch(line -> line.startsWith("decode speed-up"));
    }
}
