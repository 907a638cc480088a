package com.makeitright.platform;

import com.makeitright.contract.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Result;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.streams.RecoveringProcessingExceptionHandler;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry-then-dead-letter decision, record by record, without a broker: how Kafka Streams calls the handler
 * when processing fails. The end-to-end path (a task failing, its thread replaced, the record on its dead-letter
 * topic) is {@code StreamsPlatformIT}'s.
 */
class RetryingDeadLetterHandlerTest {

    private static final String TOPIC = Topics.COMPLAINTS_RECEIVED.name();
    private static final RuntimeException FAILURE = new IllegalStateException("cannot triage complaint-41");

    /** One process's counts (the durable ones on a broker: RetryBoundAcrossRestartsIT). */
    private final ProcessingAttempts attempts = ProcessingAttempts.inMemory();

    private RetryingDeadLetterHandler handler(int maxAttempts) {
        RetryingDeadLetterHandler handler = new RetryingDeadLetterHandler();
        Map<String, Object> configs = new HashMap<>();
        configs.put(RecoveringProcessingExceptionHandler.DLQ_DESTINATION_RESOLVER, new DeadLetters("triage-service"));
        configs.put(RetryingDeadLetterHandler.POLICY, new DeadLetterPolicy(maxAttempts));
        configs.put(RetryingDeadLetterHandler.ATTEMPTS, attempts);
        handler.configure(configs);
        return handler;
    }

    private static Response fail(RetryingDeadLetterHandler handler, FailedRecord failed) {
        return handler.handleError(failed, new Record<>(failed.key(), failed.value(), failed.timestamp()), FAILURE);
    }

    @Test
    void failsTheTaskUntilTheLastAttemptThenDeadLettersTheRecordAndMovesOn() {
        RetryingDeadLetterHandler handler = handler(3);
        FailedRecord failed = FailedRecord.at(TOPIC, 2, 41);

        Response first = fail(handler, failed);
        Response second = fail(handler, failed);
        Response third = fail(handler, failed);

        assertThat(first.result()).isEqualTo(Result.FAIL);
        assertThat(first.deadLetterQueueRecords()).isEmpty();
        assertThat(second.result()).isEqualTo(Result.FAIL);
        assertThat(third.result()).isEqualTo(Result.RESUME);
        assertThat(third.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(Topics.COMPLAINTS_RECEIVED.deadLetterTopic());
            assertThat(dead.partition()).isEqualTo(2);
            assertThat(text(dead.key())).isEqualTo("complaint-41");
            assertThat(text(dead.value())).as("the original bytes, not the deserialized record").isEqualTo("value-41");
            assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
            assertThat(header(dead, "kafka_dlt-exception-message")).contains("cannot triage complaint-41");
        });
    }

    @Test
    void countsAttemptsPerRecordNotPerHandler() {
        FailedRecord failed = FailedRecord.at(TOPIC, 0, 7);
        FailedRecord other = FailedRecord.at(TOPIC, 0, 8);

        // Every replacement stream thread configures a new handler: the count must survive it.
        assertThat(fail(handler(2), failed).result()).isEqualTo(Result.FAIL);
        assertThat(fail(handler(2), other).result()).as("another offset starts its own count").isEqualTo(Result.FAIL);
        assertThat(fail(handler(2), failed).result()).isEqualTo(Result.RESUME);
        assertThat(fail(handler(2), other).result()).isEqualTo(Result.RESUME);
    }

    @Test
    void aDeadLetteredRecordThatComesBackIsDeadLetteredAtOnce() {
        RetryingDeadLetterHandler handler = handler(2);
        FailedRecord failed = FailedRecord.at(TOPIC, 1, 3);
        fail(handler, failed);
        assertThat(fail(handler, failed).result()).isEqualTo(Result.RESUME);

        // The transaction with the dead letter aborted (another record failed): no new round of retries.
        Response again = fail(handler, failed);
        assertThat(again.result()).isEqualTo(Result.RESUME);
        assertThat(again.deadLetterQueueRecords()).hasSize(1);
    }

    @Test
    void oneAttemptDeadLettersAtTheFirstFailure() {
        Response response = fail(handler(1), FailedRecord.at(TOPIC, 0, 1));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
    }

    @Test
    void withoutAConfiguredPolicyARecordGetsThreeAttempts() {
        RetryingDeadLetterHandler handler = new RetryingDeadLetterHandler();
        handler.configure(Map.of(RecoveringProcessingExceptionHandler.DLQ_DESTINATION_RESOLVER,
                new DeadLetters("triage-service"), RetryingDeadLetterHandler.ATTEMPTS, attempts));
        FailedRecord failed = FailedRecord.at(TOPIC, 0, 9);

        assertThat(fail(handler, failed).result()).isEqualTo(Result.FAIL);
        assertThat(fail(handler, failed).result()).isEqualTo(Result.FAIL);
        assertThat(fail(handler, failed).result()).isEqualTo(Result.RESUME);
    }

    @Test
    void aFailingPunctuationHasNoRecordToDeadLetterSoItFailsTheTask() {
        RetryingDeadLetterHandler handler = handler(1);

        Response response = handler.handleError(FailedRecord.inPunctuation(), new Record<>(null, null, 0L), FAILURE);

        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void remembersABoundedNumberOfFailingRecords() {
        RetryingDeadLetterHandler handler = handler(2);
        FailedRecord first = FailedRecord.at(TOPIC, 0, 0);
        assertThat(fail(handler, first).result()).isEqualTo(Result.FAIL);

        for (long offset = 1; offset <= 10_000; offset++) {
            fail(handler, FailedRecord.at(TOPIC, 1, offset));
        }

        // In memory, the oldest count was evicted to keep the map at 10,000 entries: the first record starts again.
        assertThat(fail(handler, first).result()).isEqualTo(Result.FAIL);
        assertThat(fail(handler, first).result()).isEqualTo(Result.RESUME);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }
}
