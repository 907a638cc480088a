package com.makeitright.cli;

import com.makeitright.cli.stack.ContractTopics;
import com.makeitright.cli.stack.KafkaBroker;
import com.makeitright.contract.EventSerializer;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.listener.DeadLetterRecordManager;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./complaints dlt} on a real broker: a record dead-lettered with exactly the headers the platform writes
 * (Spring Kafka's {@link DeadLetterRecordManager}, which the platform's handlers use) is listed with its reason and
 * coordinates, replayed once to its source topic with its original key, value and headers, and a second replay
 * sends nothing and says so.
 */
@WithKafkaBroker
class DltCommandIT {

    private static String brokers;

    @TempDir
    Path runDir;

    @BeforeAll
    static void createTopics() {
        brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        KafkaBroker.createTopics(brokers, ContractTopics.all(3), Duration.ofSeconds(30));
    }

    @Test
    void listsReplaysOnceAndSaysSoTheSecondTime(KafkaProbe probe) throws Exception {
        String complaintId = Events.newId();
        ComplaintReceived event = Events.received(complaintId).build();
        byte[] value = new EventSerializer<ComplaintReceived>().serialize(Topics.COMPLAINTS_RECEIVED.name(), event);
        deadLetter(complaintId, value, new IllegalStateException("cannot triage " + complaintId));

        Result list = run("dlt", "list", "received");

        assertThat(list.status).as(list.out).isZero();
        assertThat(list.out).contains("complaints.received.DLT: 1 record, 0 replayed")
                .contains("1@0", "complaints.received-1@41", complaintId,
                        "IllegalStateException: cannot triage " + complaintId);

        Result replay = run("dlt", "replay", "received", "--id", event.getEventId());

        assertThat(replay.status).as(replay.out).isZero();
        assertThat(replay.out).contains("1 replayed, 0 already replayed before, 0 not found, 0 not replayable");
        List<ConsumerRecord<String, byte[]>> copies = copiesOf(probe, complaintId);
        assertThat(copies).singleElement().satisfies(copy -> {
            assertThat(copy.value()).isEqualTo(value);
            assertThat(KafkaProbe.header(copy, "traceparent")).isEqualTo("00-trace-01");
            assertThat(copy.headers()).noneMatch(header -> header.key().startsWith("kafka_dlt-"));
        });

        Result again = run("dlt", "replay", "complaints.received.DLT", "--all");

        assertThat(again.status).isZero();
        assertThat(again.out).contains("already replayed  1@0").contains("0 replayed, 1 already replayed before");
        assertThat(copiesOf(probe, complaintId)).hasSize(1);
        assertThat(run("dlt", "list").out).contains("complaints.received.DLT: 1 record, 1 replayed")
                .contains("complaints.received-1@");

        Result unknown = run("dlt", "replay", "received", "--id", "2@99");
        assertThat(unknown.status).isEqualTo(ComplaintsCommand.FAILED);
        assertThat(unknown.out).contains("not found         2@99");
    }

    /** What the platform's handlers write: the source record with Spring Kafka's dead-letter headers. */
    private static void deadLetter(String key, byte[] value, Exception failure) throws Exception {
        RecordHeaders original = new RecordHeaders();
        original.add("traceparent", "00-trace-01".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> source = new ConsumerRecord<>(Topics.COMPLAINTS_RECEIVED.name(), 1, 41L,
                System.currentTimeMillis(), TimestampType.CREATE_TIME, -1, value.length,
                key.getBytes(StandardCharsets.UTF_8), value, original, Optional.empty(), Optional.empty());
        ProducerRecord<byte[], byte[]> dead = new DeadLetterRecordManager().enrichHeadersAndCreateProducerRecord(
                source, failure, new TopicPartition(Topics.COMPLAINTS_RECEIVED.deadLetterTopic(), 1));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(dead).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> copiesOf(KafkaProbe probe, String key) {
        return probe.recordsUpToNow(Topics.COMPLAINTS_RECEIVED.name()).stream()
                .filter(record -> key.equals(record.key())).toList();
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = ComplaintsCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        String[] withStack = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--bootstrap-servers", brokers, "--run-dir", runDir.toString()))
                .toArray(String[]::new);
        int status = commandLine.execute(withStack);
        return new Result(status, out.toString());
    }

    private record Result(int status, String out) {
    }
}
