package com.makeitright.worker.outbound;

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
 * One outgoing destination's reader (a webhook subscription, a helpdesk): its own consumer group on its topics, one
 * record at a time, the offset committed only after the delivery ended (delivered, nothing to do, or dead-lettered).
 * A restart therefore resumes where it was; a crash between a delivery and its commit delivers that record again.
 */
public class DeliveryConsumer implements Runnable {

    public static final String REASON_HEADER = "makeitright_webhook-reason";
    public static final String STATUS_HEADER = "makeitright_webhook-status";
    public static final String ATTEMPTS_HEADER = "makeitright_webhook-attempts";
    public static final String DELIVERY_ID_HEADER = "makeitright_webhook-delivery-id";
    // Not the platform's kafka_dlt-original-* names: `./complaints dlt replay` sends a record back to that topic,
    // to every consumer of the contract; a failed delivery must not be re-published to the whole pipeline.
    public static final String ORIGINAL_TOPIC_HEADER = "makeitright_webhook-original-topic";
    public static final String ORIGINAL_PARTITION_HEADER = "makeitright_webhook-original-partition";
    public static final String ORIGINAL_OFFSET_HEADER = "makeitright_webhook-original-offset";

    private static final Logger log = LoggerFactory.getLogger(DeliveryConsumer.class);

    /** What one destination does with a record. */
    public interface Handler {
        Result handle(ConsumerRecord<String, byte[]> record) throws InterruptedException;
    }

    /** Ended: delivered or nothing to deliver ({@code reason} null), or to be dead-lettered with why. */
    public record Result(String reason, int status, int attempts, String deliveryId) {

        public static Result done() {
            return new Result(null, 0, 0, "");
        }

        public static Result deadLetter(String reason, int status, int attempts, String deliveryId) {
            return new Result(reason, status, attempts, deliveryId);
        }
    }

    /**
     * @param name         the destination, for the log and the thread
     * @param group        its consumer group: its own progress
     * @param topics       what it reads
     * @param start        where a group without progress begins: {@code latest} or {@code earliest}
     * @param deliveryBound the longest one record's handling can take
     * @param deadLetterTopic where a record goes whose delivery failed for good
     */
    public record Destination(String name, String group, List<String> topics, String start, Duration deliveryBound,
                              String deadLetterTopic) {
    }

    private final Destination destination;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final Handler handler;
    private volatile boolean running = true;

    public DeliveryConsumer(Destination destination, Map<String, Object> kafka,
                            KafkaProducer<String, byte[]> deadLetters, Handler handler) {
        this.destination = destination;
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, destination.group());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, destination.start());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // One record per poll, and room for its slowest bounded delivery before the group thinks we are gone.
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, destination.deliveryBound().plusMinutes(1).toMillis()));
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, destination.group());
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.deadLetters = deadLetters;
        this.handler = handler;
    }

    public String name() {
        return destination.name();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(destination.topics());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(1));
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (!ended(record)) { // no dead letter could be written: read it again
                        consumer.seek(partition, record.offset());
                        break;
                    }
                    try {
                        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                    } catch (CommitFailedException | RetriableException e) {
                        // The group moved on, or the broker did not answer in time: the record may come again, with
                        // the same delivery id; the destination goes on either way.
                        log.warn("{}: commit after {}-{}@{} failed; it will be delivered again", destination.name(),
                                record.topic(), record.partition(), record.offset(), e);
                    }
                }
            }
        } catch (WakeupException | InterruptException | InterruptedException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("{}: consumer stopped", destination.name(), e);
        } finally {
            Thread.interrupted(); // the stop's interrupt has done its work; let close() leave the group cleanly
            consumer.close(Duration.ofSeconds(5));
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private boolean ended(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Result result = handler.handle(record);
        return result.reason() == null || deadLetter(record, result);
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, Result result) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(destination.deadLetterTopic(), null, record.key(),
                record.value());
        Headers headers = letter.headers();
        record.headers().forEach(headers::add);
        headers.add(REASON_HEADER, utf8(result.reason()));
        headers.add(STATUS_HEADER, utf8(Integer.toString(result.status())));
        headers.add(ATTEMPTS_HEADER, utf8(Integer.toString(result.attempts())));
        headers.add(DELIVERY_ID_HEADER, utf8(result.deliveryId()));
        headers.add(ORIGINAL_TOPIC_HEADER, utf8(record.topic()));
        headers.add(ORIGINAL_PARTITION_HEADER, utf8(Integer.toString(record.partition())));
        headers.add(ORIGINAL_OFFSET_HEADER, utf8(Long.toString(record.offset())));
        try {
            // Written before the offset is committed: a dead letter is never lost, at worst written twice.
            deadLetters.send(letter).get();
            return true;
        } catch (ExecutionException e) { // bounded by the producer's delivery.timeout.ms
            log.error("{}: cannot write the dead letter of {}-{}@{}; reading it again", destination.name(),
                    record.topic(), record.partition(), record.offset(), e.getCause());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
