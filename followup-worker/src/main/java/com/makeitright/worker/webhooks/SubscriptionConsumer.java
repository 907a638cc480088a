package com.makeitright.worker.webhooks;

import com.makeitright.contract.EventDeserializer;
import com.makeitright.contract.EventJson;
import com.makeitright.contract.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * One subscription's reader: its own consumer group on the topics it wants, one record at a time, the offset
 * committed only after the delivery ended (delivered or dead-lettered). A restart therefore resumes where it was;
 * a crash between a delivery and its commit delivers that event again, with the same delivery id.
 */
class SubscriptionConsumer implements Runnable {

    static final String REASON_HEADER = "makeitright_webhook-reason";
    static final String STATUS_HEADER = "makeitright_webhook-status";
    static final String ATTEMPTS_HEADER = "makeitright_webhook-attempts";
    static final String DELIVERY_ID_HEADER = "makeitright_webhook-delivery-id";
    // Not the platform's kafka_dlt-original-* names: `./complaints dlt replay` sends a record back to that topic,
    // to every consumer of the contract; a failed webhook must not be re-published to the whole pipeline.
    static final String ORIGINAL_TOPIC_HEADER = "makeitright_webhook-original-topic";
    static final String ORIGINAL_PARTITION_HEADER = "makeitright_webhook-original-partition";
    static final String ORIGINAL_OFFSET_HEADER = "makeitright_webhook-original-offset";

    private static final Logger log = LoggerFactory.getLogger(SubscriptionConsumer.class);

    private final WebhookProperties.Subscription subscription;
    private final List<Topic<?>> topics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final WebhookDelivery delivery;
    private final MeterRegistry meters;
    private volatile boolean running = true;

    SubscriptionConsumer(WebhookProperties.Subscription subscription, Map<String, Object> kafka,
                         Duration deliveryBound, KafkaProducer<String, byte[]> deadLetters,
                         WebhookDelivery delivery, MeterRegistry meters) {
        this.subscription = subscription;
        this.topics = subscription.events().stream().map(event -> WebhookTopics.byEventName(event).orElseThrow())
                .<Topic<?>>map(topic -> topic).toList();
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, WebhookTopics.consumerGroup(subscription.name()));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Where a new subscription starts (no committed offset yet): by default with what comes from now on.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, subscription.start().name().toLowerCase());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // One record per poll, and room for its slowest bounded delivery before the group thinks we are gone.
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, deliveryBound.plusMinutes(1).toMillis()));
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "followup-worker-webhook-" + subscription.name());
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.deadLetters = deadLetters;
        this.delivery = delivery;
        this.meters = meters;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics.stream().map(Topic::name).toList());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(1));
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (!handle(record)) { // not ended (no dead letter could be written): read it again
                        consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
                        break;
                    }
                    try {
                        consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1)));
                    } catch (CommitFailedException | RetriableException e) {
                        // The group moved on, or the broker did not answer in time: the record may come again, with
                        // the same delivery id; the subscription goes on either way.
                        log.warn("Webhook {}: commit after {}-{}@{} failed; it will be delivered again",
                                subscription.name(), record.topic(), record.partition(), record.offset(), e);
                    }
                }
            }
        } catch (WakeupException | InterruptException | InterruptedException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("Webhook {}: consumer stopped", subscription.name(), e);
        } finally {
            Thread.interrupted(); // the stop's interrupt has done its work; let close() leave the group cleanly
            consumer.close(Duration.ofSeconds(5));
        }
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Whether the record's delivery ended: delivered, dead-lettered, or nothing to deliver. */
    private boolean handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Topic<?> topic = topics.stream().filter(t -> t.name().equals(record.topic())).findFirst().orElseThrow();
        SpecificRecord event;
        try {
            event = new EventDeserializer<>(topic.eventType()).deserialize(record.topic(), record.value());
        } catch (RuntimeException e) { // the contract's own DLT has it too; here it must not stop the subscription
            count("undecodable");
            return deadLetter(record, "undecodable: " + e.getMessage(), 0, 0, "");
        }
        if (event == null) { // a tombstone carries no event
            return true;
        }
        String deliveryId = subscription.name() + ":" + event.get(event.getSchema().getField("eventId").pos());
        byte[] body = EventJson.toJson(event).getBytes(StandardCharsets.UTF_8);
        WebhookDelivery.Outcome outcome = delivery.deliver(subscription,
                new WebhookDelivery.Outgoing(deliveryId, topic.eventName(), body));
        if (outcome.delivered()) {
            count("delivered");
            return true;
        }
        count(outcome.permanent() ? "rejected" : "exhausted");
        log.warn("Webhook {}: delivery {} dead-lettered: {}", subscription.name(), deliveryId, outcome.reason());
        return deadLetter(record, outcome.reason(), outcome.lastStatus(), outcome.attempts(), deliveryId);
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, String reason, int status, int attempts,
                            String deliveryId) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(
                WebhookTopics.deadLetterTopic(subscription.name()), null, record.key(), record.value());
        Headers headers = letter.headers();
        record.headers().forEach(headers::add);
        headers.add(REASON_HEADER, utf8(reason));
        headers.add(STATUS_HEADER, utf8(Integer.toString(status)));
        headers.add(ATTEMPTS_HEADER, utf8(Integer.toString(attempts)));
        headers.add(DELIVERY_ID_HEADER, utf8(deliveryId));
        headers.add(ORIGINAL_TOPIC_HEADER, utf8(record.topic()));
        headers.add(ORIGINAL_PARTITION_HEADER, utf8(Integer.toString(record.partition())));
        headers.add(ORIGINAL_OFFSET_HEADER, utf8(Long.toString(record.offset())));
        try {
            // Written before the offset is committed: a dead letter is never lost, at worst written twice.
            deadLetters.send(letter).get();
            return true;
        } catch (ExecutionException e) { // bounded by the producer's delivery.timeout.ms
            log.error("Webhook {}: cannot write the dead letter of {}-{}@{}; reading it again", subscription.name(),
                    record.topic(), record.partition(), record.offset(), e.getCause());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    private void count(String outcome) {
        meters.counter("makeitright.webhook.deliveries", "subscription", subscription.name(), "outcome", outcome)
                .increment();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
