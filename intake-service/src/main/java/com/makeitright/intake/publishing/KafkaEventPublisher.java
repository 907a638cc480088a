package com.makeitright.intake.publishing;

import com.makeitright.contract.EventSerializer;
import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.intake.IntakeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link EventPublisher} on two spring-kafka {@link KafkaTemplate}s: an idempotent, non-transactional one
 * ({@code acks=all}) for complaints taken in, and a transactional one ({@code transactionIdPrefix} unique per
 * instance) for the actions on a complaint, one event or several that must appear together (a reopen): a write of
 * theirs that failed is aborted and never becomes visible, however late its batch reaches the log. Both producers
 * are created and have fetched the metadata of intake's topics before the web server takes requests. Every wait is bounded by
 * {@code makeitright.intake.publish-timeout}, and the calls that may block run on their own bounded scheduler:
 * never on the event loop, never on the threads that read the view for GETs.
 */
@Component
class KafkaEventPublisher implements EventPublisher, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

    /** The topics intake writes. */
    static final List<Topic<?>> WRITTEN = List.of(Topics.COMPLAINTS_RECEIVED, Topics.REMEDY_RESPONSES,
            Topics.APPROVALS, Topics.REMEDY_FULFILLED, Topics.FOLLOW_UP_OUTCOMES);

    /** A reopen's transaction left open by a crash blocks read_committed readers at most this long. */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(10);

    private final DefaultKafkaProducerFactory<String, Object> singleFactory;
    private final DefaultKafkaProducerFactory<String, SpecificRecord> transactionalFactory;
    private final KafkaTemplate<String, Object> single;
    private final KafkaTemplate<String, SpecificRecord> transactional;
    private final String transactionIdPrefix;
    private final Duration timeout;
    private final BrokerOutage outage = new BrokerOutage(System::nanoTime);
    // send() may block (metadata, a full buffer) up to max.block.ms: bounded threads and a bounded queue of its own
    // recreated by start() after a stop(): Spring stops and restarts lifecycles (a paused test context, a restart)
    private volatile Scheduler sending = newSendingScheduler();
    private final PublishedEventMetrics metrics;
    private volatile boolean running;

    KafkaEventPublisher(KafkaProperties kafka, IntakeProperties properties, Environment environment,
                        MeterRegistry meters, ObservationRegistry observations) {
        this.metrics = new PublishedEventMetrics(meters);
        this.timeout = properties.publishTimeout();
        Map<String, Object> config = producerConfig(kafka.buildProducerProperties(), timeout);
        this.singleFactory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new PreEncoded());
        this.single = new KafkaTemplate<>(singleFactory);

        Map<String, Object> txConfig = new HashMap<>(config);
        txConfig.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
        this.transactionIdPrefix = InstanceNames.transactionIdPrefix(properties.transactionalId(), environment);
        this.transactionalFactory = new DefaultKafkaProducerFactory<>(txConfig);
        transactionalFactory.setTransactionIdPrefix(transactionIdPrefix);
        this.transactional = new KafkaTemplate<>(transactionalFactory);
        // each send is a span of the request's trace and writes its W3C traceparent into the record's headers,
        // which the Streams services continue (TracedRecords)
        for (KafkaTemplate<String, ?> template : List.of(single, transactional)) {
            template.setObservationRegistry(observations);
            template.setObservationEnabled(true);
        }
    }

    /**
     * The producer settings that bound a write by {@code timeout}: {@code send()} blocks at most a fifth of it
     * ({@code max.block.ms}), the broker then has the rest to acknowledge ({@code delivery.timeout.ms}), with room
     * for one retried request ({@code request.timeout.ms}).
     */
    static Map<String, Object> producerConfig(Map<String, Object> base, Duration timeout) {
        Map<String, Object> config = new HashMap<>(base);
        long total = timeout.toMillis();
        long maxBlock = Math.max(100, total / 5);
        long delivery = total - maxBlock;
        long linger = 5;
        long request = Math.max(100, (delivery - linger) / 2);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class);
        return config;
    }

    @Override
    public <T extends SpecificRecord> Mono<Void> publish(Topic<T> topic, String complaintId, T event) {
        return send(topic, complaintId, event, event).then();
    }

    @Override
    public <T extends SpecificRecord> Mono<Void> publish(Topic<T> topic, String complaintId, T event, byte[] avro) {
        return send(topic, complaintId, event, avro).then();
    }

    @Override
    public <T extends SpecificRecord> Mono<Written> publishAt(Topic<T> topic, String complaintId, T event,
                                                             byte[] avro) {
        return send(topic, complaintId, event, avro);
    }

    /** {@code value}: the event, or its bytes already encoded ({@link PreEncoded}). */
    private <T extends SpecificRecord> Mono<Written> send(Topic<T> topic, String complaintId, T event, Object value) {
        if (!running) {
            return Mono.error(new PublishFailed("intake is not started; cannot publish to " + topic, null));
        }
        return Mono.defer(() -> {
                    long sent = System.nanoTime();
                    // the timeout below may cut the wait off while the send goes on: its failure carries the send
                    SendAttempt attempt = new SendAttempt();
                    return Mono.defer(() -> Mono.fromFuture(attempt.send(() -> single.send(topic.name(), complaintId,
                                    value)), true))
                            .subscribeOn(sending)
                            .doOnCancel(attempt::cutOff)
                            .map(result -> result.getRecordMetadata().hasOffset()
                                    ? new Written(result.getRecordMetadata().partition(),
                                    result.getRecordMetadata().offset())
                                    : Written.UNKNOWN)
                            .timeout(timeout)
                            .doOnSuccess(acknowledged -> {
                                outage.reached();
                                metrics.published(event);
                            })
                            .onErrorMap(e -> failed(event.getClass().getSimpleName() + " on " + topic, e, sent,
                                    attempt));
                })
                // the acknowledgement arrives on the producer's network thread: leave it at once
                .publishOn(Schedulers.parallel());
    }

    @Override
    public Mono<Void> publishAtomically(List<Outgoing<?>> events) {
        if (!running) {
            return Mono.error(new PublishFailed("intake is not started; cannot publish a transaction", null));
        }
        return Mono.defer(() -> {
                    long sent = System.nanoTime();
                    SendAttempt attempt = new SendAttempt();
                    return Mono.fromCallable(() -> attempt.run(() -> transactional.executeInTransaction(operations -> {
                                for (Outgoing<?> outgoing : events) {
                                    operations.send(outgoing.topic().name(), outgoing.complaintId(), outgoing.event());
                                }
                                return Boolean.TRUE;
                            })))
                            .subscribeOn(sending)
                            .doOnCancel(attempt::cutOff)
                            .then()
                            .timeout(timeout)
                            .doOnSuccess(committed -> {
                                outage.reached();
                                events.forEach(outgoing -> metrics.published(outgoing.event()));
                            })
                            // A send, the commit or the abort failed: the transaction did not commit, the template
                            // has aborted it, and a failed producer is discarded by the factory, so the next reopen
                            // gets a fresh one. The timeout cut the wait off: the transaction goes on and may still
                            // commit (drill run Q: a reopen published twice), so the failure carries the attempt.
                            .onErrorMap(e -> failed("the transaction of " + events.size() + " events", e, sent,
                                    attempt));
                })
                .publishOn(Schedulers.parallel());
    }

    /** The single producer's value serializer: bytes a caller encoded already as they are, an event encoded here. */
    static final class PreEncoded implements Serializer<Object> {
        private final EventSerializer<SpecificRecord> events = new EventSerializer<>();

        @Override
        public byte[] serialize(String topic, Object value) {
            return value instanceof byte[] encoded ? encoded : events.serialize(topic, (SpecificRecord) value);
        }
    }

    /** {@code attempt}: the write that failed or whose wait was cut off. */
    private PublishFailed failed(String what, Throwable e, long sentNanos, SendAttempt attempt) {
        if (e instanceof PublishFailed already) {
            return already;
        }
        boolean unreachable = e instanceof java.util.concurrent.TimeoutException || causedBy(e, TimeoutException.class);
        // Unreachable: retry after a time that grows with the outage (see BrokerOutage); refused: at once, nearly.
        return new PublishFailed("The broker did not acknowledge " + what + (unreachable ? " within " + timeout : "")
                + ": " + e.getMessage(), e, unreachable ? outage.unreachable(sentNanos) : BrokerOutage.MIN_RETRY_AFTER,
                attempt.ended());
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Scheduler newSendingScheduler() {
        return Schedulers.newBoundedElastic(16, 10_000, "intake-publish");
    }

    @Override
    public void start() {
        if (sending.isDisposed()) {
            sending = newSendingScheduler();
        }
        try {
            WRITTEN.forEach(topic -> single.partitionsFor(topic.name()));
        } catch (RuntimeException e) {
            // Not fatal: the broker may come up later; the first sends then wait for metadata (bounded, off the loop).
            log.warn("Could not fetch topic metadata at start-up; the first sends will: {}", e.toString());
        }
        try {
            // creates the transactional producer (initTransactions) and fetches the metadata within an empty transaction
            transactional.executeInTransaction(operations -> {
                WRITTEN.forEach(topic -> operations.partitionsFor(topic.name()));
                return Boolean.TRUE;
            });
        } catch (RuntimeException e) {
            log.warn("Could not start the transactional producer at start-up; the first action will: {}", e.toString());
        }
        running = true;
        log.info("Publishing to {} (idempotent, acks=all, bounded by {}; transactional id prefix {})", WRITTEN,
                timeout, transactionIdPrefix);
    }

    @Override
    public void stop() {
        running = false;
        singleFactory.destroy();
        transactionalFactory.destroy();
        sending.dispose();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server starts taking requests (Boot's web server lifecycle runs in a later phase). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
