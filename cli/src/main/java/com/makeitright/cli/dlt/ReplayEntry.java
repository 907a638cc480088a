package com.makeitright.cli.dlt;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of the replay log ({@code complaints.dead-letter-replays}), keyed by {@link DeadLetter#replayKey()}: which
 * dead letter went back, to where, and when. JSON, so an operator can read the log with any Kafka tool.
 *
 * @param deadLetter where the dead letter is, {@code <topic>.DLT-<partition>@<offset>}
 * @param replayedTo where its copy went, {@code <topic>-<partition>@<offset>}
 * @param eventId    the event id when the value decodes, else {@code null}
 * @param replayedAt when (ISO-8601)
 */
public record ReplayEntry(String deadLetter, String replayedTo, String eventId, String replayedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /** The latest entry per key, as compaction will keep it; a null value (a tombstone) forgets a replay. */
    static Map<String, ReplayEntry> fold(List<ConsumerRecord<String, byte[]>> log) {
        Map<String, ReplayEntry> entries = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : log) {
            if (record.key() == null) {
                continue;
            }
            if (record.value() == null) {
                entries.remove(record.key());
                continue;
            }
            try {
                entries.put(record.key(), JSON.readValue(record.value(), ReplayEntry.class));
            } catch (JacksonException unreadable) {
                // Still a replay: the key alone is what makes a second replay a no-op.
                entries.put(record.key(), new ReplayEntry(record.key(), "?", null,
                        new String(record.value(), StandardCharsets.UTF_8)));
            }
        }
        return entries;
    }
}
