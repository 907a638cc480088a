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

    /** Publishes every event in one transaction: a {@code read_committed} reader sees all of them or none. */
    Mono<Void> publishAtomically(List<Outgoing<?>> events);

    /** One event to publish. */
    record Outgoing<T extends SpecificRecord>(Topic<T> topic, String complaintId, T event) {
    }
}
