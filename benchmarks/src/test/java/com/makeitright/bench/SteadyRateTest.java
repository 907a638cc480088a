package com.makeitright.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SteadyRateTest {

    private final SteadyRate rule = new SteadyRate(0.10, 3, 8);

    @Test
    void aClimbingRateIsNotSteadyUntilThreeLoadsAgreeWithinTheTolerance() {
        // a bench run's intake warming: 72, 110, 163, 171/s ... (163 -> 171 alone looks flat)
        assertThat(rule.done(List.of(72.0))).isFalse();
        assertThat(rule.done(List.of(72.0, 110.0, 163.0, 171.0))).isFalse();
        assertThat(rule.done(List.of(163.0, 171.0, 204.0))).isFalse();
        assertThat(rule.done(List.of(533.0, 598.0, 596.0))).isFalse(); // 11% below the highest
        assertThat(rule.done(List.of(580.0, 598.0, 596.0))).isTrue();
        assertThat(rule.steady(List.of(580.0, 598.0, 596.0))).isTrue();
    }

    @Test
    void aFallingRateCountsTheSameWayAsARisingOne() {
        assertThat(rule.done(List.of(1000.0, 950.0, 850.0))).isFalse();
        assertThat(rule.done(List.of(1000.0, 950.0, 920.0))).isTrue();
    }

    @Test
    void warmingStopsAtTheBoundAndSaysItWasNotSteady() {
        List<Double> climbing = List.of(100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0);
        assertThat(rule.done(climbing.subList(0, 7))).isFalse();
        assertThat(rule.done(climbing)).isTrue();
        assertThat(rule.steady(climbing)).isFalse();
        assertThat(new SteadyRate(0.10, 3, 1).done(List.of(100.0))).isTrue();
        assertThat(new SteadyRate(0.10, 3, 1).steady(List.of(100.0))).isFalse();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new SteadyRate(0, 3, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SteadyRate(0.1, 1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SteadyRate(0.1, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
