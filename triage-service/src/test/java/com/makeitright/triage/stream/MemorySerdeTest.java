package com.makeitright.triage.stream;

import com.makeitright.triage.classify.History;
import com.makeitright.triage.memory.ComplaintSeen;
import com.makeitright.triage.memory.CustomerMemory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Triage's stored state has a constant worst-case size, survives its own round trip and reads the former JSON. */
class MemorySerdeTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void oneCustomerWith100000ComplaintsStaysUnderTheStatedBound() {
        Random random = new Random(100_000);
        CustomerMemory memory = CustomerMemory.EMPTY;
        int largest = 0;
        for (int i = 0; i < 100_000; i++) {
            // two years of a shared "guest" id: several complaints on every day, refunds and reopened rounds
            Instant at = START.plus(i * 630L, ChronoUnit.SECONDS);
            ComplaintSeen seen = i % 10 != 0 ? null
                    : ComplaintSeen.first(at).acknowledged(1, at.minus(random.nextInt(200), ChronoUnit.DAYS), false);
            memory = memory.withComplaint(at, seen, random.nextBoolean(), LocalDate.of(2020, 1, 1));
            if (i % 3 == 0) {
                memory = memory.withResolution(at, seen, 1 + random.nextInt(3), true, false);
            }
            if (i % 1000 == 0) {
                largest = Math.max(largest, MemorySerde.write(memory).length);
            }
        }
        byte[] bytes = MemorySerde.write(memory);
        largest = Math.max(largest, bytes.length);

        assertThat(largest).isLessThanOrEqualTo(MemorySerde.MAX_MEMORY_BYTES).isLessThan(6 * 1024);
        assertThat(memory.days()).hasSizeLessThanOrEqualTo(CustomerMemory.MAX_DAYS);
        assertThat(MemorySerde.readMemory(bytes)).isEqualTo(memory);
        assertThat(memory.historyAt(START.plus(730, ChronoUnit.DAYS), null).complaints()).isGreaterThan(35_000);
    }

    @Test
    void aComplaintTraceStaysUnderItsBoundHoweverOftenItIsReopenedAndRefunded() {
        ComplaintSeen seen = ComplaintSeen.first(START);
        for (int round = 1; round <= 1_000; round++) {
            Instant at = START.plus(round, ChronoUnit.DAYS);
            seen = seen.acknowledged(round, at, round % 2 == 0).resolved(round, at, true);
        }
        byte[] bytes = MemorySerde.write(seen);

        assertThat(bytes.length).isLessThanOrEqualTo(MemorySerde.MAX_SEEN_BYTES);
        assertThat(MemorySerde.readSeen(bytes)).isEqualTo(seen);
    }

    @Test
    void readsAMemoryWrittenInTheFormerJsonFormat() {
        String legacy = """
                {"complaints":[{"complaintId":"a","at":%d,"neverArrived":true},
                               {"complaintId":"b","at":%d,"neverArrived":false}],
                 "refunds":[{"complaintId":"a","round":1,"at":%d}],
                 "doNotServe":true,"customerSince":"2019-05-01"}"""
                .formatted(START.toEpochMilli(), START.plus(2, ChronoUnit.DAYS).toEpochMilli(),
                        START.plus(1, ChronoUnit.DAYS).toEpochMilli());

        CustomerMemory memory = MemorySerde.readMemory(legacy.getBytes(StandardCharsets.UTF_8));

        assertThat(memory.historyAt(START.plus(10, ChronoUnit.DAYS), null))
                .isEqualTo(new History(2, 1, 1, true, LocalDate.of(2019, 5, 1)));
        assertThat(MemorySerde.readMemory(MemorySerde.write(memory))).isEqualTo(memory);
    }

    @Test
    void anEmptyMemoryRoundTrips() {
        assertThat(MemorySerde.readMemory(MemorySerde.write(CustomerMemory.EMPTY))).isEqualTo(CustomerMemory.EMPTY);
        assertThat(MemorySerde.readSeen(MemorySerde.write(new ComplaintSeen(1, ComplaintSeen.NOT_COUNTED, false, 0, 0,
                List.of())))).isEqualTo(new ComplaintSeen(1, ComplaintSeen.NOT_COUNTED, false, 0, 0, List.of()));
    }
}
