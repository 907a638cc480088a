package com.makeitright.platform;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.errors.TaskMigratedException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PunctuatedEntriesTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PunctuatedEntries entries = new PunctuatedEntries("test-expiries", meters);

    @Test
    void aFailingEntryIsCountedAndSkippedAndTheOthersAreHandled() {
        List<String> handled = new ArrayList<>();

        int done = entries.forEach(List.of("c-1", "c-2", "c-3"), id -> "complaint " + id, id -> {
            if (id.equals("c-2")) {
                throw new IllegalStateException("corrupt negotiation");
            }
            handled.add(id);
        });

        assertThat(done).isEqualTo(2);
        assertThat(handled).containsExactly("c-1", "c-3");
        assertThat(entries.failures()).isEqualTo(1);
        assertThat(meters.get(PunctuatedEntries.FAILURES).tag("processor", "test-expiries").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aSkippedEntryCanBeTakenOffItsIndex() {
        List<String> index = new ArrayList<>(List.of("c-1", "c-2"));

        entries.forEach(List.copyOf(index), id -> id, id -> {
            if (id.equals("c-1")) {
                throw new IllegalStateException("broken");
            }
        }, index::remove);

        assertThat(index).containsExactly("c-2");
    }

    @Test
    void aKafkaFailureIsLeftToKafkaStreams() {
        List<String> handled = new ArrayList<>();

        assertThatThrownBy(() -> entries.forEach(List.of("c-1", "c-2"), id -> id, id -> {
            handled.add(id);
            throw new TaskMigratedException("fenced");
        })).isInstanceOf(TaskMigratedException.class);

        assertThat(handled).containsExactly("c-1");
        assertThat(entries.failures()).isZero();
    }

    @Test
    void aDescriptionThatFailsToo() {
        int done = entries.forEach(List.of("c-1"), id -> {
            throw new IllegalArgumentException("no name");
        }, id -> {
            throw new IllegalStateException("broken");
        });

        assertThat(done).isZero();
        assertThat(entries.failures()).isEqualTo(1);
    }
}
