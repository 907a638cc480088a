package com.makeitright.cli.dlt;

import com.makeitright.contract.EventSerializer;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.testing.Events;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.DeadLetterRecordManager;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterTest {

    private static final long DEAD_AT = 1_780_000_000_000L;

    /** A dead-letter record as the platform writes it, read back at {@code partition@offset} of the DLT. */
    private static DeadLetter read(String key, byte[] value, Exception failure, int partition, long offset) {
        RecordHeaders original = new RecordHeaders();
        original.add("traceparent", "t-1".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> source = new ConsumerRecord<>(Topics.COMPLAINTS_RECEIVED.name(), partition, 7L,
                DEAD_AT - 1000, TimestampType.CREATE_TIME, -1, value.length, key.getBytes(StandardCharsets.UTF_8), value,
                original, Optional.empty(), Optional.empty());
        ProducerRecord<byte[], byte[]> dead = new DeadLetterRecordManager().enrichHeadersAndCreateProducerRecord(
                source, failure, new TopicPartition(Topics.COMPLAINTS_RECEIVED.deadLetterTopic(), partition));
        return DeadLetter.from(new ConsumerRecord<>(dead.topic(), partition, offset, DEAD_AT, TimestampType.CREATE_TIME,
                -1, value.length, key, value, dead.headers(), Optional.empty()));
    }

    @Test
    void readsTheCoordinatesReasonAndEventIdThePlatformWrote() {
        ComplaintReceived event = Events.received("c-1").build();
        byte[] value = new EventSerializer<ComplaintReceived>().serialize(Topics.COMPLAINTS_RECEIVED.name(), event);

        DeadLetter letter = read("c-1", value, new IllegalStateException("cannot triage c-1"), 2, 5);

        assertThat(letter.id()).isEqualTo("2@5");
        assertThat(letter.original()).isEqualTo("complaints.received-2@7");
        assertThat(letter.sourceTopic()).isEqualTo("complaints.received");
        assertThat(letter.reason()).isEqualTo("IllegalStateException: cannot triage c-1");
        assertThat(letter.eventId()).isEqualTo(event.getEventId());
        assertThat(letter.replayKey()).isEqualTo("complaints.received.DLT-2@5");
        assertThat(letter.matches("2@5")).isTrue();
        assertThat(letter.matches(event.getEventId().toUpperCase())).isTrue();
        assertThat(letter.matches("2@6")).isFalse();
        assertThat(letter.valueOmitted()).isFalse();
        assertThat(letter.replayHeaders()).singleElement()
                .satisfies(header -> assertThat(header.key()).isEqualTo("traceparent"));
    }

    @Test
    void aPoisonRecordHasNoEventIdButIsStillListable() {
        DeadLetter letter = read("c-2", "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8),
                new IllegalArgumentException("not Avro\nsingle-object encoded"), 0, 0);

        assertThat(letter.eventId()).isNull();
        StringWriter out = new StringWriter();
        DeadLetterReport.print(new PrintWriter(out, true), letter.deadLetterTopic(), List.of(letter),
                Map.of(letter.replayKey(), new ReplayEntry(letter.replayKey(), "complaints.received-0@9", null, "x")), 0);

        assertThat(out.toString())
                .contains("complaints.received.DLT: 1 record, 1 replayed")
                .contains("ID ", "DEAD-LETTERED (UTC)", "REASON")
                .contains("0@0", "2026-05-28 20:26:40", "complaints.received-0@7", "c-2",
                        "IllegalArgumentException: not Avro single-object encoded", "complaints.received-0@9");
    }

    @Test
    void anOutputTooLargeToWriteIsListedButNotReplayable() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("kafka_dlt-original-topic", "complaints.acknowledged".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-original-partition", new byte[]{-1, -1, -1, -1});
        headers.add("kafka_dlt-original-offset", new byte[]{-1, -1, -1, -1, -1, -1, -1, -1});
        headers.add("makeitright_dlt-omitted-value-bytes", "120483".getBytes(StandardCharsets.UTF_8));

        DeadLetter letter = DeadLetter.from(new ConsumerRecord<>("complaints.acknowledged.DLT", 0, 3, DEAD_AT,
                TimestampType.CREATE_TIME, -1, -1, "c-3", null, headers, Optional.empty()));

        assertThat(letter.valueOmitted()).isTrue();
        assertThat(letter.original()).isEqualTo("complaints.acknowledged (not written)");
        assertThat(letter.replayHeaders()).isEmpty();
    }

    @Test
    void aDeadLetterTopicIsNamedInFullOrByItsTopic() {
        assertThat(DeadLetterTopics.resolve("received")).isEqualTo("complaints.received.DLT");
        assertThat(DeadLetterTopics.resolve("complaints.resolved")).isEqualTo("complaints.resolved.DLT");
        assertThat(DeadLetterTopics.resolve("triage-service.DLT")).isEqualTo("triage-service.DLT");
        assertThatThrownBy(() -> DeadLetterTopics.resolve("nope")).hasMessageContaining("complaints.received");
    }

    @Test
    void theReplayLogKeepsTheLatestEntryPerDeadLetter() {
        byte[] entry = new ReplayEntry("k", "complaints.received-0@1", null, "t").toJson();
        List<ConsumerRecord<String, byte[]>> log = List.of(
                new ConsumerRecord<>("log", 0, 0, "k", entry),
                new ConsumerRecord<>("log", 0, 1, "gone", entry),
                new ConsumerRecord<>("log", 0, 2, "gone", null));

        assertThat(ReplayEntry.fold(log)).containsOnlyKeys("k")
                .hasEntrySatisfying("k", e -> assertThat(e.replayedTo()).isEqualTo("complaints.received-0@1"));
    }
}
