package com.makeitright.platform;

import com.makeitright.contract.TopicLayout;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.streams.RecoveringProcessingExceptionHandler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retry bound holds across restarts: a record that always fails, in an application that dies at every failure
 * and is started again (a new process each time, as after a crash, a deployment or a task moving to another
 * instance), is dead-lettered after exactly {@code max-attempts} attempts in total, and the partition moves on.
 * With a counter in memory each run would count from 1 again, and the record would fail the partition forever.
 */
@WithKafkaBroker
class RetryBoundAcrossRestartsIT {

    private static final String APPLICATION = "retry-bound-test";
    private static final int MAX_ATTEMPTS = 3;
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @TempDir
    Path stateDir;

    private KafkaStreams streams;
    private ProcessingAttempts attempts;

    @BeforeAll
    static void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
            admin.createTopics(TopicLayout.newTopics(1, (short) 1, null, List.of(APPLICATION))).all().get();
        }
    }

    private static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

    @AfterEach
    void stop() {
        stopTheProcess();
    }

    @Test
    void aRecordThatFailsInEveryRunIsDeadLetteredAfterExactlyTheBoundInTotal(KafkaProbe probe) {
        String key = "always-fails-" + Events.newId();
        ComplaintReceived failing = Events.received(key).setSubject("boom").build();
        ComplaintReceived after = Events.received(key).build();
        probe.publish(Topics.COMPLAINTS_RECEIVED, key, failing);
        probe.publish(Topics.COMPLAINTS_RECEIVED, key, after);

        for (int run = 1; run < MAX_ATTEMPTS; run++) {
            int attemptsBefore = ATTEMPTS.get();
            startTheProcess(run);
            await().atMost(KafkaProbe.PATIENCE).until(() -> streams.state() == KafkaStreams.State.ERROR);
            assertThat(ATTEMPTS.get()).as("one attempt per run, the process dies at the failure")
                    .isEqualTo(attemptsBefore + 1);
            assertThat(probe.recordsUpToNow(Topics.COMPLAINTS_RECEIVED.deadLetterTopic())).isEmpty();
            stopTheProcess();
        }
        startTheProcess(MAX_ATTEMPTS);

        var dead = probe.awaitRecord(Topics.COMPLAINTS_RECEIVED.deadLetterTopic(), key);
        assertThat(KafkaProbe.header(dead, "kafka_dlt-exception-message")).contains("cannot triage " + key);
        assertThat(probe.awaitEvents(Topics.COMPLAINTS_ACKNOWLEDGED, key, 1))
                .singleElement().satisfies(ack -> assertThat(ack.getCausationId()).isEqualTo(after.getEventId()));
        assertThat(ATTEMPTS.get()).as("attempts in total, over %s runs", MAX_ATTEMPTS).isEqualTo(MAX_ATTEMPTS);
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        // Bounded: once the partition's commit is past the dead-lettered record, its count is deleted (a tombstone).
        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() ->
                assertThat(liveCounts(probe.recordsUpToNow(ProcessingAttempts.topic(APPLICATION)))).isEmpty());
    }

    /** The entries of a compacted topic that are not deleted: the latest value of each key, unless a tombstone. */
    private static Map<String, String> liveCounts(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, String> live = new HashMap<>();
        records.forEach(record -> {
            if (record.value() == null) {
                live.remove(record.key());
            } else {
                live.put(record.key(), new String(record.value(), StandardCharsets.UTF_8));
            }
        });
        return live;
    }

    /** A new process: nothing in memory from the previous run. */
    private void startTheProcess(int run) {
        attempts = new ProcessingAttempts(APPLICATION,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()), (short) 1, Duration.ofSeconds(1));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.COMPLAINTS_RECEIVED.name(), Consumed.with(Serdes.String(), Topics.COMPLAINTS_RECEIVED.serde()))
                .mapValues(received -> {
                    if (received.getSubject().equals("boom")) {
                        ATTEMPTS.incrementAndGet();
                        throw new IllegalStateException("cannot triage " + received.getComplaintId());
                    }
                    return Events.acknowledged(received.getComplaintId()).setCausationId(received.getEventId()).build();
                })
                .to(Topics.COMPLAINTS_ACKNOWLEDGED.name(),
                        Produced.with(Serdes.String(), Topics.COMPLAINTS_ACKNOWLEDGED.serde()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, brokers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("run-" + run).toString());
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RetryingDeadLetterHandler.class.getName());
        config.put(RecoveringProcessingExceptionHandler.DLQ_DESTINATION_RESOLVER, new DeadLetters(APPLICATION));
        config.put(RetryingDeadLetterHandler.POLICY, new DeadLetterPolicy(MAX_ATTEMPTS));
        config.put(RetryingDeadLetterHandler.ATTEMPTS, attempts);
        // The next run takes the partition over at once (static membership), not after a session timeout.
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), APPLICATION + "-1");
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        streams = new KafkaStreams(builder.build(), config);
        // The process dies at the failure, instead of replacing the thread in the same process.
        streams.setUncaughtExceptionHandler(exception -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        streams.start();
    }

    private void stopTheProcess() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams = null;
        }
        if (attempts != null) {
            attempts.close();
            attempts = null;
        }
    }
}
