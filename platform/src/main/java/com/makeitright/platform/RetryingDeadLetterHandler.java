package com.makeitright.platform;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.streams.RecoveringProcessingExceptionHandler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded retries, then the dead-letter topic. A failing record first fails its stream task: the transaction
 * is aborted, the thread is replaced and the record is processed again from the last commit, with state
 * restored, so a retry never sees half of a failed attempt. After {@link DeadLetterPolicy#maxAttempts()} the
 * record is written to its dead-letter topic, with the reason in headers, inside the same transaction that
 * moves the partition on.
 */
public class RetryingDeadLetterHandler extends RecoveringProcessingExceptionHandler {

    /** Streams config key under which the platform passes the {@link DeadLetterPolicy} bean. */
    public static final String POLICY = "makeitright.dead-letter.policy";

    private static final Logger log = LoggerFactory.getLogger(RetryingDeadLetterHandler.class);
    private static final int REMEMBERED_RECORDS = 10_000;

    /** Attempts per record, JVM-wide because every replacement thread configures a new handler. */
    private static final Map<String, Integer> ATTEMPTS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED_RECORDS;
        }
    };

    private DeadLetterPolicy policy = new DeadLetterPolicy(3);

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        if (configs.get(POLICY) instanceof DeadLetterPolicy configured) {
            policy = configured;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String coordinates = context.taskId() + "/" + context.topic() + "-" + context.partition() + "@" + context.offset();
        int attempt;
        synchronized (ATTEMPTS) {
            attempt = ATTEMPTS.merge(coordinates, 1, Integer::sum);
            if (attempt >= policy.maxAttempts()) {
                ATTEMPTS.remove(coordinates);
            }
        }
        if (attempt < policy.maxAttempts()) {
            log.warn("Processing {} failed (attempt {} of {}); retrying after the stream thread restarts: {}",
                    coordinates, attempt, policy.maxAttempts(), exception.toString());
            return Response.fail();
        }
        log.error("Processing {} failed {} times; sending it to the dead-letter topic", coordinates, attempt, exception);
        return super.handleError(context, record, exception);
    }

    /** Forgets all counted attempts (tests). */
    static void reset() {
        synchronized (ATTEMPTS) {
            ATTEMPTS.clear();
        }
    }
}
