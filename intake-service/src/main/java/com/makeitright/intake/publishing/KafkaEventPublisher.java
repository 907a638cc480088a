package com.makeitright.intake.publishing;

import com.makeitright.contract.EventSerializer;
import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.intake.IntakeProperties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link EventPublisher} on two Kafka producers created at start-up: an idempotent one ({@code acks=all}) for
 * single events, and a transactional one for events that must appear together (a reopen). Both fetch the
 * metadata of intake's topics before the service takes traffic, since a producer's first send otherwise
 * blocks while it does. Sends and transactions run off the event loop.
 */
@Component
class KafkaEventPublisher implements EventPublisher, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

    /** The topics intake writes. */
    static final List<Topic<?>> WRITTEN = List.of(Topics.COMPLAINTS_RECEIVED, Topics.REMEDY_RESPONSES,
            Topics.APPROVALS, Topics.REMEDY_FULFILLED, Topics.FOLLOW_UP_OUTCOMES);

    private final Map<String, Object> baseConfig;
    private final String transactionalId;
    private final Scheduler transactionThread = Schedulers.newSingle("intake-transactions");
    private volatile Producer<String, SpecificRecord> producer;
    private Producer<String, SpecificRecord> transactionalProducer; // used on transactionThread only
    private volatile boolean running;

    KafkaEventPublisher(KafkaProperties kafka, IntakeProperties properties) {
        this.baseConfig = new HashMap<>(kafka.buildProducerProperties());
        baseConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        baseConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        baseConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        baseConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class);
        this.transactionalId = properties.getTransactionalId();
    }

    @Override
    public <T extends SpecificRecord> Mono<Void> publish(Topic<T> topic, String complaintId, T event) {
        Producer<String, SpecificRecord> target = producer;
        if (target == null) {
            return Mono.error(new PublishFailed("intake is not started; cannot publish to " + topic, null));
        }
        return Mono.<Void>create(sink -> target.send(new ProducerRecord<>(topic.name(), complaintId, event),
                        (metadata, exception) -> {
                            if (exception == null) {
                                sink.success();
                            } else {
                                sink.error(new PublishFailed("The broker did not acknowledge "
                                        + event.getClass().getSimpleName() + " on " + topic + ": " + exception.getMessage(),
                                        exception));
                            }
                        }))
                .onErrorMap(e -> !(e instanceof PublishFailed),
                        e -> new PublishFailed("Could not publish to " + topic + ": " + e.getMessage(), e))
                // send() may block for metadata or buffer space: never on the event loop
                .subscribeOn(Schedulers.boundedElastic())
                // the acknowledgement arrives on the producer's network thread: leave it at once
                .publishOn(Schedulers.parallel());
    }

    @Override
    public Mono<Void> publishAtomically(List<Outgoing<?>> events) {
        return Mono.<Void>fromRunnable(() -> inTransaction(events))
                .subscribeOn(transactionThread)
                .publishOn(Schedulers.parallel());
    }

    private void inTransaction(List<Outgoing<?>> events) {
        Producer<String, SpecificRecord> tx = transactionalProducer();
        try {
            tx.beginTransaction();
            for (Outgoing<?> outgoing : events) {
                tx.send(new ProducerRecord<>(outgoing.topic().name(), outgoing.complaintId(), outgoing.event()));
            }
            tx.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException fatal) {
            // The producer cannot continue; a new one (same transactional id) fences any zombie and starts clean.
            tx.close(Duration.ZERO);
            transactionalProducer = null;
            throw new PublishFailed("The transaction was not committed: " + fatal.getMessage(), fatal);
        } catch (KafkaException e) {
            tx.abortTransaction();
            throw new PublishFailed("The transaction was aborted: " + e.getMessage(), e);
        }
    }

    private Producer<String, SpecificRecord> transactionalProducer() {
        if (transactionalProducer == null) {
            Map<String, Object> config = new HashMap<>(baseConfig);
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
            KafkaProducer<String, SpecificRecord> created = new KafkaProducer<>(config);
            try {
                created.initTransactions();
                warmUp(created);
            } catch (KafkaException e) {
                created.close(Duration.ZERO);
                throw new PublishFailed("Cannot start the transactional producer: " + e.getMessage(), e);
            }
            transactionalProducer = created;
        }
        return transactionalProducer;
    }

    private static void warmUp(Producer<String, SpecificRecord> target) {
        WRITTEN.forEach(topic -> target.partitionsFor(topic.name()));
    }

    @Override
    public void start() {
        KafkaProducer<String, SpecificRecord> created = new KafkaProducer<>(baseConfig);
        try {
            warmUp(created);
        } catch (KafkaException e) {
            // Not fatal: the broker may come up later; the first sends then wait for metadata (off the event loop).
            log.warn("Could not fetch topic metadata at start-up; the first sends will fetch it: {}", e.toString());
        }
        producer = created;
        transactionThread.schedule(() -> {
            try {
                transactionalProducer();
            } catch (PublishFailed e) {
                log.warn("Could not initialise the transactional producer at start-up; the first reopen will: {}",
                        e.toString());
            }
        });
        running = true;
        log.info("Publishing to {} (idempotent, acks=all; transactional id {})", WRITTEN, transactionalId);
    }

    @Override
    public void stop() {
        running = false;
        Producer<String, SpecificRecord> closing = producer;
        producer = null;
        if (closing != null) {
            closing.close(Duration.ofSeconds(5));
        }
        Mono.fromRunnable(() -> {
            if (transactionalProducer != null) {
                transactionalProducer.close(Duration.ofSeconds(5));
                transactionalProducer = null;
            }
        }).subscribeOn(transactionThread).block(Duration.ofSeconds(10));
        transactionThread.dispose();
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
