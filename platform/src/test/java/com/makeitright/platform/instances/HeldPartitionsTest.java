package com.makeitright.platform.instances;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts of all instances must hold every partition of every store exactly once, or the read is a 503. */
class HeldPartitionsTest {

    @Test
    void partsThatTogetherHoldEachPartitionOnceAnswer() {
        HeldPartitions one = HeldPartitions.none().with("a", Set.of(0, 2)).with("b", Set.of(1));
        HeldPartitions other = HeldPartitions.none().with("a", Set.of(1)).with("b", Set.of(0, 2));

        assertThatCode(() -> HeldPartitions.requireEachOnce(List.of(one, other), 3)).doesNotThrowAnyException();
    }

    @Test
    void aPartitionNoInstanceServesIsUnavailable() {
        HeldPartitions one = HeldPartitions.none().with("a", Set.of(0)).with("b", Set.of(0, 1, 2));
        HeldPartitions other = HeldPartitions.none().with("a", Set.of(1)).with("b", Set.of());

        assertThatThrownBy(() -> HeldPartitions.requireEachOnce(List.of(one, other), 3))
                .isInstanceOf(InstancesUnavailable.class)
                .hasMessageContaining("partition 2 of a was held by no instance")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InstancesUnavailable) e).getStatusCode()
                        .value()).isEqualTo(503))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InstancesUnavailable) e).getHeaders()
                        .getFirst("Retry-After")).isEqualTo("1"));
    }

    @Test
    void aPartitionReadOnBothSidesOfAMoveIsUnavailable() {
        HeldPartitions before = HeldPartitions.none().with("a", Set.of(0, 1));
        HeldPartitions after = HeldPartitions.none().with("a", Set.of(1, 2));

        assertThatThrownBy(() -> HeldPartitions.requireEachOnce(List.of(before, after), 3))
                .isInstanceOf(InstancesUnavailable.class)
                .hasMessageContaining("partition 1 of a was read on two instances");
    }
}
