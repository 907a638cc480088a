package com.makeitright.platform;

import com.makeitright.contract.TopicLayout;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How often each failing record has been attempted, kept where every process of the application sees it: a compacted
 * topic {@code <application id>.processing-attempts} (one partition), key {@code <topic>|<partition>|<offset>} of the
 * failing record, value the number of failed attempts so far. A failed attempt is written synchronously, outside the
 * Streams transaction (which the failure aborts), before the handler answers {@code FAIL}; so the bound holds when
 * the process restarts or the task moves to another instance in between. Before counting, the topic is read up to its
 * end, so a count written by another instance is seen.
 *
 * <p>Bounded: an entry exists only for a record that is failing now. Once the record's partition has moved past it
 * (committed offset beyond it: the record was dead-lettered, or processed after all) its count is deleted (a
 * tombstone) by a sweep that runs at start-up, at every failure and every {@code sweepEvery} while this process knows
 * of counts. Not at the moment of dead-lettering: the dead letter is written in the Streams transaction, and should
 * that abort (another record of the batch fails), the record must keep its count, or it would get its attempts again.
 * In memory at most {@value #MAX_REMEMBERED} counts are kept.
 *
 * <p>When the topic cannot be reached (the broker is down) the count falls back to this process's memory, which is
 * the bound as it was before: per process.
 */
final class ProcessingAttempts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessingAttempts.class);
    private static final int MAX_REMEMBERED = 10_000;
    /** Each call to the broker, and the catch-up read, at most this long; the stream thread waits for it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String applicationId;
    private final Map<String, Object> clientConfig;
    private final short replicationFactor;
    private final Map<String, Integer> counts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };
    private Admin admin;
    private Producer<String, String> producer;
    private Consumer<String, String> consumer;
    private boolean closed;
    private boolean loaded;
    private final ScheduledExecutorService sweeper;

    /**
     * @param applicationId the Kafka Streams application id: names the topic, and the consumer group whose committed
     *                      offsets tell which counts are finished
     * @param clientConfig  how to reach the brokers ({@code bootstrap.servers}, security settings)
     * @param sweepEvery    how often counts of finished records are looked for while this process knows of any
     */
    ProcessingAttempts(String applicationId, Map<String, Object> clientConfig, short replicationFactor,
                       Duration sweepEvery) {
        this.applicationId = applicationId;
        this.clientConfig = Map.copyOf(clientConfig);
        this.replicationFactor = replicationFactor;
        if (applicationId == null) {
            sweeper = null;
            return;
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, applicationId + "-attempts-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 0, sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Counts in this process's memory only (unit tests, and a handler configured without the platform). */
    static ProcessingAttempts inMemory() {
        return new ProcessingAttempts(null, Map.of(), (short) 1, Duration.ZERO);
    }

    private synchronized void sweep() {
        if (!durable() || (loaded && counts.isEmpty())) {
            return;
        }
        try {
            connect();
            catchUp();
            forgetFinished();
            loaded = true;
        } catch (RuntimeException e) {
            log.warn("Cannot sweep {} now; trying again later: {}", topic(applicationId), e.toString());
        }
    }

    static String topic(String applicationId) {
        return applicationId + ".processing-attempts";
    }

    /** Records one more failed attempt at the record and answers how many there were, this one included. */
    synchronized int failed(String topic, int partition, long offset) {
        String key = key(topic, partition, offset);
        if (durable()) {
            try {
                connect();
                catchUp();
                forgetFinished();
                loaded = true;
            } catch (RuntimeException e) {
                log.warn("Cannot read {}; counting the attempts at {} in this process only: {}",
                        topic(applicationId), key, e.toString());
            }
        }
        int attempt = counts.merge(key, 1, Integer::sum);
        write(key, Integer.toString(attempt));
        return attempt;
    }

    private boolean durable() {
        return applicationId != null && !closed;
    }

    private static String key(String topic, int partition, long offset) {
        return topic + "|" + partition + "|" + offset;
    }

    private void write(String key, String value) {
        if (!durable()) {
            return;
        }
        try {
            connect();
            producer.send(new ProducerRecord<>(topic(applicationId), 0, key, value))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            log.warn("Cannot write the attempt count of {} to {}; it is kept in this process only: {}", key,
                    topic(applicationId), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void connect() {
        if (consumer != null) {
            return;
        }
        if (admin == null) {
            admin = Admin.create(clientConfig);
        }
        ensureTopic();
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(clientConfig);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationId + "-attempts-writer");
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationId + "-attempts-reader");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        Consumer<String, String> reader = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(topic(applicationId), 0);
        reader.assign(List.of(partition));
        reader.seekToBeginning(List.of(partition));
        consumer = reader;
    }

    private void ensureTopic() {
        NewTopic topic = new NewTopic(topic(applicationId), 1, replicationFactor).configs(Map.of(
                // only the latest count of a record matters, and a deleted one not at all
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(TopicLayout.minInSyncReplicas(replicationFactor))));
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic.name(), e.getCause());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create " + topic.name() + " within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads the topic up to its end: counts written by this or any other instance since the last read. */
    private void catchUp() {
        TopicPartition partition = new TopicPartition(topic(applicationId), 0);
        long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (consumer.position(partition, TIMEOUT) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not at the end of " + partition + " within " + TIMEOUT);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value() == null) {
                    counts.remove(record.key());
                } else {
                    counts.merge(record.key(), Integer.parseInt(record.value()), Math::max);
                }
            }
        }
    }

    /**
     * Deletes the counts of records their partition has moved past (committed offset beyond them): each was processed
     * after all, or dead-lettered by a process that stopped before it could delete the count.
     */
    private void forgetFinished() {
        if (counts.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the committed offsets of " + applicationId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (String key : List.copyOf(counts.keySet())) {
            String[] parts = key.split("\\|");
            OffsetAndMetadata offset = committed.get(new TopicPartition(parts[0], Integer.parseInt(parts[1])));
            if (offset != null && offset.offset() > Long.parseLong(parts[2])) {
                counts.remove(key);
                write(key, null);
            }
        }
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        closeClients();
    }

    private synchronized void closeClients() {
        closed = true;
        if (consumer != null) {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(TIMEOUT));
        }
        if (producer != null) {
            producer.close(TIMEOUT);
        }
        if (admin != null) {
            admin.close(TIMEOUT);
        }
    }
}
