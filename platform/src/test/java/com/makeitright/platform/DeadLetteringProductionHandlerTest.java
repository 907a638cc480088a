package com.makeitright.platform;

import com.makeitright.contract.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.streams.RecoveringProductionExceptionHandler;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision for an output record the producer could not write, as Kafka Streams asks it. The end-to-end path
 * (an oversized record on a real broker, the partition moving on) is {@code StreamsPlatformIT}'s.
 */
class DeadLetteringProductionHandlerTest {

    private static final String SOURCE = Topics.COMPLAINTS_RECEIVED.name();
    private static final ProducerRecord<byte[], byte[]> OUTPUT = new ProducerRecord<>("triage-service-memory-changelog",
            0, 1_700_000_000_000L, "k".getBytes(StandardCharsets.UTF_8), new byte[10]);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private DeadLetteringProductionHandler handler() {
        DeadLetteringProductionHandler handler = new DeadLetteringProductionHandler();
        Map<String, Object> configs = new HashMap<>();
        configs.put(RecoveringProductionExceptionHandler.DLQ_DESTINATION_RESOLVER, new DeadLetters("triage-service"));
        configs.put(DeadLetteringProductionHandler.METER_REGISTRY, meters);
        handler.configure(configs);
        return handler;
    }

    private double counted(String outcome) {
        var counter = meters.find(DeadLetteringProductionHandler.COUNTER).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aRetriableErrorIsRetriedAsByDefault() {
        Response response = handler().handleError(FailedRecord.at(SOURCE, 1, 7), OUTPUT,
                new NotEnoughReplicasException("one replica"));

        assertThat(response.result()).isEqualTo(Result.RETRY);
        assertThat(meters.getMeters()).isEmpty();
    }

    @Test
    void aRecordTooLargeIsSkippedCountedAndDeadLetteredWithoutItsValue() {
        Response response = handler().handleError(FailedRecord.at(SOURCE, 1, 7), OUTPUT,
                new RecordTooLargeException("2000000 bytes"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).as("a changelog's dead letters go to the service's").isEqualTo("triage-service.DLT");
            assertThat(dead.key()).isEqualTo(OUTPUT.key());
            assertThat(dead.value()).as("it would not fit the dead-letter topic either").isNull();
            assertThat(header(dead, "kafka_dlt-exception-fqcn")).isEqualTo(RecordTooLargeException.class.getName());
            assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(OUTPUT.topic());
            assertThat(header(dead, DeadLetteringProductionHandler.INPUT_HEADER)).isEqualTo(SOURCE + "-1@7");
            assertThat(header(dead, DeadLetteringProductionHandler.OMITTED_HEADER)).isEqualTo("10");
        });
        assertThat(counted("dead-lettered")).isEqualTo(1);
        assertThat(meters.find(DeadLetteringProductionHandler.COUNTER).tag("topic", OUTPUT.topic())
                .tag("exception", "RecordTooLargeException").counter()).isNotNull();
    }

    @Test
    void anOutputToAContractTopicGoesToThatTopicsDeadLetterTopicWithItsValue() {
        ProducerRecord<byte[], byte[]> ack = new ProducerRecord<>(Topics.COMPLAINTS_ACKNOWLEDGED.name(), 2,
                1_700_000_000_000L, "c-1".getBytes(StandardCharsets.UTF_8), "ack".getBytes(StandardCharsets.UTF_8));

        Response response = handler().handleError(FailedRecord.at(SOURCE, 2, 9), ack,
                new InvalidRecordException("rejected by the broker"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(Topics.COMPLAINTS_ACKNOWLEDGED.deadLetterTopic());
            assertThat(dead.partition()).isEqualTo(2);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("ack");
        });
    }

    @Test
    void aPunctuatorsOutputIsDeadLetteredToo() {
        Response response = handler().handleError(FailedRecord.inPunctuation(), OUTPUT,
                new RecordTooLargeException("2000000 bytes"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead ->
                assertThat(header(dead, DeadLetteringProductionHandler.INPUT_HEADER)).isEqualTo("none (punctuator)"));
    }

    @Test
    void aDeadLetterThatCannotBeWrittenIsOnlySkippedAndCounted() {
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>("triage-service.DLT", null, 1_700_000_000_000L,
                OUTPUT.key(), OUTPUT.value());

        Response response = handler().handleError(FailedRecord.at(SOURCE, 1, 7), dead,
                new RecordTooLargeException("2000000 bytes"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(counted("skipped")).isEqualTo(1);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aSerializationErrorIsNeverRetried() {
        Response response = handler().handleSerializationError(FailedRecord.at(SOURCE, 0, 3),
                new ProducerRecord<>("complaints.acknowledged", 0, 1_700_000_000_000L, "k", new Object()),
                new SerializationException("not an Avro record"), SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement()
                .satisfies(dead -> assertThat(dead.topic()).isEqualTo(Topics.COMPLAINTS_RECEIVED.deadLetterTopic()));
        assertThat(counted("dead-lettered")).isEqualTo(1);
    }
}
