package com.makeitright.platform;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * UP once the stream application has restored its state and runs; a later rebalance keeps it UP (it is
 * routine), while an error or shutdown is DOWN. Start-up scripts wait for this before sending traffic.
 */
public class KafkaStreamsHealthIndicator implements HealthIndicator, KafkaStreams.StateListener {

    private final StreamsBuilderFactoryBean factoryBean;
    private volatile boolean hasRun;

    public KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
        this.factoryBean = factoryBean;
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        if (newState == KafkaStreams.State.RUNNING) {
            hasRun = true;
        }
    }

    @Override
    public Health health() {
        KafkaStreams streams = factoryBean.getKafkaStreams();
        if (streams == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams.State state = streams.state();
        boolean up = state == KafkaStreams.State.RUNNING || (state == KafkaStreams.State.REBALANCING && hasRun);
        return (up ? Health.up() : Health.down())
                .withDetail("state", state.name())
                .withDetail("threads", streams.metadataForLocalThreads().size())
                .build();
    }
}
