package com.makeitright.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Times one stage of a complaint as its event leaves a topology: from the timestamp of the record that caused it
 * (Kafka Streams carries the input record's timestamp to what a processor forwards, through repartition topics
 * too) to now. Recorded as {@code makeitright.stage} tagged {@code stage}, with p50/p95/p99 computed in the
 * service (docs/operations.md). Forwards every record unchanged.
 */
public final class StageTimer<K, V> implements FixedKeyProcessor<K, V, V> {

    public static final String NAME = "makeitright.stage";

    private final Timer timer;
    private final Clock clock;
    private FixedKeyProcessorContext<K, V> context;

    private StageTimer(Timer timer, Clock clock) {
        this.timer = timer;
        this.clock = clock;
    }

    /** Use with {@code stream.processValues(StageTimer.of(meters, "acknowledged", clock))}. */
    public static <K, V> FixedKeyProcessorSupplier<K, V, V> of(MeterRegistry meters, String stage, Clock clock) {
        Timer timer = Timer.builder(NAME)
                .description("Time from the event that started a stage to the event that ends it, as it leaves")
                .tag("stage", stage)
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        return () -> new StageTimer<>(timer, clock);
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        long elapsed = clock.millis() - record.timestamp();
        if (elapsed >= 0) { // a clock step backwards between hosts is not a stage taking negative time
            timer.record(elapsed, TimeUnit.MILLISECONDS);
        }
        context.forward(record);
    }
}
