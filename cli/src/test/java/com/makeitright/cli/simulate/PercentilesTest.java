package com.makeitright.cli.simulate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesTest {

    @Test
    void nearestRankOnOneToHundred() {
        Percentiles p = Percentiles.of(LongStream.rangeClosed(1, 100).boxed().toList());

        assertThat(p).isEqualTo(new Percentiles(100, 50, 95, 99, 100));
    }

    @Test
    void orderOfInputDoesNotMatter() {
        Percentiles p = Percentiles.of(List.of(30L, 10L, 20L, 40L));

        assertThat(p.p50()).isEqualTo(20);
        assertThat(p.p95()).isEqualTo(40);
        assertThat(p.p99()).isEqualTo(40);
        assertThat(p.max()).isEqualTo(40);
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(Percentiles.of(List.of(7L))).isEqualTo(new Percentiles(1, 7, 7, 7, 7));
    }

    @Test
    void noValues() {
        assertThat(Percentiles.of(List.of()).count()).isZero();
    }

    @Test
    void tailIsTheSlowOnes() {
        List<Long> values = new java.util.ArrayList<>(LongStream.rangeClosed(1, 98).map(i -> 10).boxed().toList());
        values.add(500L);
        values.add(900L);

        Percentiles p = Percentiles.of(values);

        assertThat(p.p50()).isEqualTo(10);
        assertThat(p.p95()).isEqualTo(10);
        assertThat(p.p99()).isEqualTo(500);
        assertThat(p.max()).isEqualTo(900);
    }

    @Test
    void slowValuesStayWithinATenthOfAPercent() {
        Percentiles p = Percentiles.of(List.of(12_345L, 54_321L, 98_765L));

        assertThat(p.p50()).isCloseTo(54_321L, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(p.max()).isCloseTo(98_765L, org.assertj.core.data.Percentage.withPercentage(0.1));
    }
}
