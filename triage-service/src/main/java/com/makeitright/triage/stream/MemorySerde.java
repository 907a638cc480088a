package com.makeitright.triage.stream;

import com.makeitright.triage.memory.ComplaintSeen;
import com.makeitright.triage.memory.CustomerMemory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Triage's own state in its stores and changelogs, in a small fixed binary layout (internal to triage, not a
 * contract event). Worst cases: a {@link CustomerMemory} is at most {@link #MAX_MEMORY_BYTES} bytes, a
 * {@link ComplaintSeen} at most {@link #MAX_SEEN_BYTES}, however many complaints a customer makes.
 *
 * <pre>
 * memory: version 1 | flags (1 do-not-serve, 2 customer-since) | [since epoch day, int] | day count, short
 *         | per day: epoch day, complaints, never-arrived, refunds (4 ints)
 * seen:   version 1 | first seen (long) | counted day | flags (1 never-arrived) | acknowledged round
 *         | refunded round | refund day count (byte) | refund days (ints)
 * </pre>
 *
 * A memory written by the previous, JSON format (a list entry per complaint) is read and folded into day counts.
 */
final class MemorySerde {

    private static final byte VERSION = 1;
    static final int MAX_MEMORY_BYTES = 1 + 1 + 4 + 2 + CustomerMemory.MAX_DAYS * 16;
    static final int MAX_SEEN_BYTES = 1 + 8 + 4 + 1 + 4 + 4 + 1 + ComplaintSeen.MAX_REFUND_DAYS * 4;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MemorySerde() {
    }

    static Serde<CustomerMemory> memory() {
        Serializer<CustomerMemory> serializer = (topic, memory) -> memory == null ? null : write(memory);
        Deserializer<CustomerMemory> deserializer = (topic, bytes) -> bytes == null ? null : readMemory(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static Serde<ComplaintSeen> seen() {
        Serializer<ComplaintSeen> serializer = (topic, seen) -> seen == null ? null : write(seen);
        Deserializer<ComplaintSeen> deserializer = (topic, bytes) -> bytes == null ? null : readSeen(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static byte[] write(CustomerMemory memory) {
        ByteBuffer out = ByteBuffer.allocate(1 + 1 + 4 + 2 + memory.days().size() * 16);
        out.put(VERSION);
        out.put((byte) ((memory.doNotServe() ? 1 : 0) | (memory.customerSince() != null ? 2 : 0)));
        if (memory.customerSince() != null) {
            out.putInt((int) memory.customerSince().toEpochDay());
        }
        out.putShort((short) memory.days().size());
        for (CustomerMemory.Day day : memory.days()) {
            out.putInt(day.epochDay()).putInt(day.complaints()).putInt(day.neverArrived()).putInt(day.refunds());
        }
        return out.position() == out.capacity() ? out.array() : java.util.Arrays.copyOf(out.array(), out.position());
    }

    static CustomerMemory readMemory(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            return readLegacyJson(bytes);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            checkVersion(in.get());
            byte flags = in.get();
            LocalDate since = (flags & 2) != 0 ? LocalDate.ofEpochDay(in.getInt()) : null;
            int count = in.getShort();
            List<CustomerMemory.Day> days = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                days.add(new CustomerMemory.Day(in.getInt(), in.getInt(), in.getInt(), in.getInt()));
            }
            return new CustomerMemory(days, (flags & 1) != 0, since);
        } catch (BufferUnderflowException e) {
            throw new SerializationException("Truncated customer memory of " + bytes.length + " bytes", e);
        }
    }

    static byte[] write(ComplaintSeen seen) {
        ByteBuffer out = ByteBuffer.allocate(1 + 8 + 4 + 1 + 4 + 4 + 1 + seen.refundDays().size() * 4);
        out.put(VERSION).putLong(seen.firstSeenAt()).putInt(seen.countedDay()).put((byte) (seen.neverArrived() ? 1 : 0))
                .putInt(seen.acknowledgedRound()).putInt(seen.refundedRound()).put((byte) seen.refundDays().size());
        seen.refundDays().forEach(out::putInt);
        return out.array();
    }

    static ComplaintSeen readSeen(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            checkVersion(in.get());
            long firstSeenAt = in.getLong();
            int countedDay = in.getInt();
            boolean neverArrived = (in.get() & 1) != 0;
            int acknowledgedRound = in.getInt();
            int refundedRound = in.getInt();
            int count = in.get();
            List<Integer> refundDays = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                refundDays.add(in.getInt());
            }
            return new ComplaintSeen(firstSeenAt, countedDay, neverArrived, acknowledgedRound, refundedRound,
                    refundDays);
        } catch (BufferUnderflowException e) {
            throw new SerializationException("Truncated complaint trace of " + bytes.length + " bytes", e);
        }
    }

    private static void checkVersion(byte version) {
        if (version != VERSION) {
            throw new SerializationException("Unknown triage state format version " + version);
        }
    }

    /**
     * The format before day counts: {"complaints":[{complaintId, at, neverArrived}], "refunds":[{complaintId,
     * round, at}], "doNotServe", "customerSince"}. Folded into day counts; the per-complaint traces it implied
     * are not recovered, so a later round of such a complaint counts it once more.
     */
    private static CustomerMemory readLegacyJson(byte[] bytes) {
        JsonNode json = JSON.readTree(bytes);
        record Entry(Instant at, boolean complaint, boolean neverArrived) {
        }
        List<Entry> entries = new ArrayList<>();
        json.path("complaints").forEach(c -> entries.add(new Entry(Instant.ofEpochMilli(c.path("at").asLong()), true,
                c.path("neverArrived").asBoolean())));
        json.path("refunds").forEach(r -> entries.add(new Entry(Instant.ofEpochMilli(r.path("at").asLong()), false,
                false)));
        entries.sort(Comparator.comparing(Entry::at));
        JsonNode since = json.path("customerSince");
        LocalDate customerSince = since.isString() ? LocalDate.parse(since.asString())
                : since.isArray() ? LocalDate.of(since.get(0).asInt(), since.get(1).asInt(), since.get(2).asInt())
                : null;
        CustomerMemory memory = new CustomerMemory(List.of(), json.path("doNotServe").asBoolean(), customerSince);
        for (Entry entry : entries) {
            memory = entry.complaint()
                    ? memory.withComplaint(entry.at(), null, entry.neverArrived(), null)
                    : memory.withResolution(entry.at(), null, 1, true, false);
        }
        return memory;
    }
}
