package com.makeitright.intake.publishing;

import com.makeitright.contract.Topic;
import org.apache.avro.specific.SpecificRecord;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Writes contract events, keyed by complaint id. The returned {@link Mono} completes only once the broker
 * acknowledged the write (all in-sync replicas), and fails with {@link PublishFailed} otherwise; callers answer
 * their HTTP request only after it completed.
 */
public interface EventPublisher {

    <T extends SpecificRecord> Mono<Void> publish(Topic<T> topic, String complaintId, T event);

    /**
     * The same, for an event the caller has already encoded ({@code avro}: its Avro single-object bytes, as the
     * contract's {@code EventSerializer} writes them): written as they are, not encoded again.
     */
    default <T extends SpecificRecord> Mono<Void> publish(Topic<T> topic, String complaintId, T event, byte[] avro) {
        return publish(topic, complaintId, event);
    }

    /**
     * The same, telling where the broker put the event: the status view has folded it for good once its consumer
     * group committed past that offset. A publisher that cannot tell answers {@link Written#UNKNOWN}.
     */
    default <T extends SpecificRecord> Mono<Written> publishAt(Topic<T> topic, String complaintId, T event,
                                                              byte[] avro) {
        return publish(topic, complaintId, event, avro).thenReturn(Written.UNKNOWN);
    }

    /** Where an acknowledged event is: its partition and offset, or {@link #UNKNOWN}. */
    record Written(int partition, long offset) {
        public static final Written UNKNOWN = new Written(-1, -1);
    }

    /** Publishes every event in one transaction: a {@code read_committed} reader sees all of them or none. */
    Mono<Void> publishAtomically(List<Outgoing<?>> events);

    /** One event to publish. */
    record Outgoing<T extends SpecificRecord>(Topic<T> topic, String complaintId, T event) {
    }
}
