package com.makeitright.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.streams.RecoveringProductionExceptionHandler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happens to an output record the producer cannot write. A retriable error keeps Kafka Streams' default:
 * retry. Any other error would fail the task on every attempt, forever, so the record is logged, counted
 * ({@value #COUNTER}) and skipped, and a dead letter is written with the reason in the {@code kafka_dlt-*} headers:
 * <ul>
 *   <li>a send error (e.g. {@link RecordTooLargeException}): the output record itself, to the dead-letter topic of
 *   the topic it was headed to ({@link DeadLetters#forOutput}), with {@value #INPUT_HEADER} naming the input that
 *   produced it (Streams has already released the input's bytes by then). A too-large record keeps its key but
 *   not its value ({@value #OMITTED_HEADER} says how large it was): the value would not fit the dead-letter topic
 *   either;</li>
 *   <li>a serialization error: the input record, to the dead-letter topic of its topic, as for processing errors.</li>
 * </ul>
 * Without an input record (a punctuator's output) or when the dead letter cannot be built, the record is only
 * skipped. Under exactly-once this relies on the producer never failing the transaction for such a record: see
 * {@link SizeGuardedProducer}.
 */
public class DeadLetteringProductionHandler extends RecoveringProductionExceptionHandler {

    /** Streams config key under which the platform passes a {@link MeterRegistry}, when there is one. */
    public static final String METER_REGISTRY = "makeitright.production-errors.meter-registry";
    /** Skipped output records, tagged by target topic, exception class and outcome. */
    public static final String COUNTER = "makeitright.streams.production-errors";
    /** On a dead-lettered output record: {@code topic-partition@offset} of the input record that produced it. */
    public static final String INPUT_HEADER = "makeitright_dlt-input";
    /** On a dead-lettered output record whose value was left out: its size in bytes. */
    public static final String OMITTED_HEADER = "makeitright_dlt-omitted-value-bytes";

    private static final Logger log = LoggerFactory.getLogger(DeadLetteringProductionHandler.class);

    private MeterRegistry meters;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        if (configs.get(METER_REGISTRY) instanceof MeterRegistry registry) {
            meters = registry;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        String input = input(context);
        // A dead letter that cannot be written either is not dead-lettered again: that would never end.
        if (!DeadLetters.isDeadLetterTopic(record.topic()) && destinationResolver instanceof DeadLetters deadLetters) {
            try {
                ProducerRecord<byte[], byte[]> dead = outputDeadLetter(deadLetters, context, record, exception, input);
                log.error("Cannot write a record to {} (task {}, input {}); skipped it, dead letter to {}",
                        record.topic(), context.taskId(), input, dead.topic(), exception);
                count(record.topic(), exception, "dead-lettered");
                return Response.resume(List.of(dead));
            } catch (RuntimeException unbuildable) {
                exception.addSuppressed(unbuildable);
            }
        }
        return skipped(record.topic(), context, input, exception);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        // The same object will not serialize on a second try: never retriable. The input's bytes are still there.
        String input = input(context);
        if (context.topic() != null) {
            try {
                Response response = super.handleSerializationError(context, record, exception, origin);
                if (response.result() == Result.RESUME) {
                    log.error("Cannot serialize a record for {} (task {}, input {}); skipped it, input dead-lettered",
                            record.topic(), context.taskId(), input, exception);
                    count(record.topic(), exception, "dead-lettered");
                    return response;
                }
            } catch (RuntimeException unbuildable) {
                exception.addSuppressed(unbuildable);
            }
        }
        return skipped(record.topic(), context, input, exception);
    }

    private ProducerRecord<byte[], byte[]> outputDeadLetter(DeadLetters deadLetters, ErrorHandlerContext context,
                                                           ProducerRecord<byte[], byte[]> record, Exception exception,
                                                           String input) {
        boolean tooLarge = exception instanceof RecordTooLargeException;
        byte[] value = tooLarge ? null : record.value();
        long timestamp = record.timestamp() != null ? record.timestamp() : context.timestamp();
        ConsumerRecord<byte[], byte[]> failed = new ConsumerRecord<>(record.topic(),
                record.partition() == null ? -1 : record.partition(), -1L, timestamp, TimestampType.CREATE_TIME,
                -1, -1, record.key(), value, new RecordHeaders(record.headers().toArray()),
                Optional.empty(), Optional.empty());
        TopicPartition target = deadLetters.forOutput(record.topic(), record.partition());
        ProducerRecord<byte[], byte[]> dead = deadLetterRecordManager.enrichHeadersAndCreateProducerRecord(failed,
                exception, target);
        dead.headers().add(INPUT_HEADER, input.getBytes(StandardCharsets.UTF_8));
        if (tooLarge && record.value() != null) {
            dead.headers().add(OMITTED_HEADER, String.valueOf(record.value().length).getBytes(StandardCharsets.UTF_8));
        }
        return dead;
    }

    private Response skipped(String topic, ErrorHandlerContext context, String input, Exception exception) {
        log.error("Cannot write a record to {} (task {}, input {}); skipped it", topic, context.taskId(), input,
                exception);
        count(topic, exception, "skipped");
        return Response.resume();
    }

    private static String input(ErrorHandlerContext context) {
        return context.topic() == null ? "none (punctuator)"
                : context.topic() + "-" + context.partition() + "@" + context.offset();
    }

    private void count(String topic, Exception exception, String outcome) {
        if (meters != null) {
            Counter.builder(COUNTER).description("Output records that could not be written and were skipped")
                    .tag("topic", String.valueOf(topic)).tag("exception", exception.getClass().getSimpleName())
                    .tag("outcome", outcome).register(meters).increment();
        }
    }
}
