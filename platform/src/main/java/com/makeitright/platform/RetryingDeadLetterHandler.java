package com.makeitright.platform;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.streams.RecoveringProcessingExceptionHandler;

import java.util.Map;

/**
 * Bounded retries, then the dead-letter topic. A failing record first fails its stream task: the transaction
 * is aborted, the thread is replaced and the record is processed again from the last commit, with state
 * restored, so a retry never sees half of a failed attempt. After {@link DeadLetterPolicy#maxAttempts()} the
 * record is written to its dead-letter topic, with the reason in headers, inside the same transaction that
 * moves the partition on. The attempts are counted in {@link ProcessingAttempts}, durably, so the bound holds across
 * restarts and task moves, not per process.
 */
public class RetryingDeadLetterHandler extends RecoveringProcessingExceptionHandler {

    /** Streams config key under which the platform passes the {@link DeadLetterPolicy} bean. */
    public static final String POLICY = "makeitright.dead-letter.policy";
    /** Streams config key under which the platform passes the {@link ProcessingAttempts} bean. */
    static final String ATTEMPTS = "makeitright.dead-letter.attempts";

    private static final Logger log = LoggerFactory.getLogger(RetryingDeadLetterHandler.class);

    /** Without the platform's: counted in this process, shared because every replacement thread configures a new handler. */
    private static final ProcessingAttempts IN_MEMORY = ProcessingAttempts.inMemory();

    private DeadLetterPolicy policy = new DeadLetterPolicy(3);
    private ProcessingAttempts attempts = IN_MEMORY;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        if (configs.get(POLICY) instanceof DeadLetterPolicy configured) {
            policy = configured;
        }
        if (configs.get(ATTEMPTS) instanceof ProcessingAttempts configured) {
            attempts = configured;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (context.topic() == null) {
            // A punctuation: no record to retry or dead-letter (PunctuatedEntries handles entries one by one).
            log.warn("A punctuation of task {} failed: {}", context.taskId(), exception.toString());
            return Response.fail();
        }
        String coordinates = context.taskId() + "/" + context.topic() + "-" + context.partition() + "@" + context.offset();
        int attempt = attempts.failed(context.topic(), context.partition(), context.offset());
        if (attempt < policy.maxAttempts()) {
            log.warn("Processing {} failed (attempt {} of {}); retrying after the stream thread restarts: {}",
                    coordinates, attempt, policy.maxAttempts(), exception.toString());
            return Response.fail();
        }
        log.error("Processing {} failed {} times; sending it to the dead-letter topic", coordinates, attempt, exception);
        // The count stays until the partition's commit has moved past the record (see ProcessingAttempts).
        return super.handleError(context, record, exception);
    }
}
