package com.makeitright.platform;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class KafkaStreamsHealthIndicatorTest {

    private final StreamsBuilderFactoryBean factoryBean = mock(StreamsBuilderFactoryBean.class);
    private final KafkaStreams streams = mock(KafkaStreams.class);
    private final KafkaStreamsHealthIndicator indicator = new KafkaStreamsHealthIndicator(factoryBean);

    private Health healthIn(State state) {
        when(factoryBean.getKafkaStreams()).thenReturn(streams);
        when(streams.state()).thenReturn(state);
        when(streams.metadataForLocalThreads()).thenReturn(Set.of());
        return indicator.health();
    }

    @Test
    void downBeforeTheStreamsAreStarted() {
        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", "NOT_STARTED");
    }

    @Test
    void upWhenRunning() {
        Health health = healthIn(State.RUNNING);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", "RUNNING").containsEntry("threads", 0);
    }

    @Test
    void downWhileRestoringAtStartUp() {
        // Until the first RUNNING, a rebalance is the start-up's: the state is not restored yet.
        indicator.onChange(State.REBALANCING, State.CREATED);

        assertThat(healthIn(State.REBALANCING).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aLaterRebalanceStaysUp() {
        indicator.onChange(State.RUNNING, State.REBALANCING);
        indicator.onChange(State.REBALANCING, State.RUNNING);

        Health health = healthIn(State.REBALANCING);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", "REBALANCING");
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"ERROR", "PENDING_ERROR", "PENDING_SHUTDOWN", "NOT_RUNNING", "CREATED"})
    void downWhenFailedOrShutEvenAfterHavingRun(State state) {
        indicator.onChange(State.RUNNING, State.REBALANCING);

        Health health = healthIn(state);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", state.name());
    }
}
