package com.makeitright.platform;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Continues a complaint's trace through a Kafka Streams topology. Placed right after a source, it reads the W3C
 * {@code traceparent} the record arrived with (intake's producer wrote the first one), starts a child span for
 * this step (started at the record's timestamp, so its length is the wait plus the work), and forwards the record
 * with that span in scope: everything downstream in the sub-topology runs inside it, so log lines carry its trace
 * id (and the complaint id, in the MDC as {@code complaintId}), and the records it forwards carry the new
 * {@code traceparent} in their headers to the next service. A record without one gets a new trace.
 */
public final class TracedRecords<K, V> implements FixedKeyProcessor<K, V, V> {

    public static final String COMPLAINT_ID = "complaintId";

    private static final Propagator.Getter<Headers> GETTER = (headers, key) -> {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    };
    private static final Propagator.Setter<Headers> SETTER = (headers, key, value) -> {
        if (headers != null) {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    };

    private final Tracer tracer;
    private final Propagator propagator;
    private final String step;
    private FixedKeyProcessorContext<K, V> context;

    private TracedRecords(Tracer tracer, Propagator propagator, String step) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.step = step;
    }

    /** Use with {@code stream.processValues(TracedRecords.step(tracer, propagator, "triage"))}. */
    public static <K, V> FixedKeyProcessorSupplier<K, V, V> step(Tracer tracer, Propagator propagator, String step) {
        return () -> new TracedRecords<>(tracer, propagator, step);
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        Span span = propagator.extract(record.headers(), GETTER)
                .name(step)
                .kind(Span.Kind.CONSUMER)
                .startTimestamp(record.timestamp(), TimeUnit.MILLISECONDS)
                .start();
        String complaintId = complaintId(record.value());
        if (complaintId != null) {
            span.tag("complaint.id", complaintId);
        }
        context.recordMetadata().ifPresent(metadata -> span.tag("messaging.source.name", metadata.topic()));
        propagator.inject(span.context(), record.headers(), SETTER);
        try (Tracer.SpanInScope scope = tracer.withSpan(span);
             MDC.MDCCloseable mdc = complaintId == null ? null : MDC.putCloseable(COMPLAINT_ID, complaintId)) {
            context.forward(record);
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private static String complaintId(Object value) {
        if (value instanceof SpecificRecord event && event.getSchema().getField(COMPLAINT_ID) != null) {
            Object id = event.get(event.getSchema().getField(COMPLAINT_ID).pos());
            return id == null ? null : id.toString();
        }
        return null;
    }
}
