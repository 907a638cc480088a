package com.makeitright.intake.status;

import org.apache.kafka.common.utils.Bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Keys of the status view's store {@code complaint-events}. Every key starts with the complaint id, length-prefixed
 * so no id is a prefix of another's keys, then a kind:
 * <ul>
 *   <li>{@code E} + 8-byte sequence: one event (a prefix scan reads a complaint's events in the order they came)</li>
 *   <li>{@code I} + event id: the sequence of that event, so a repeated event id is found by one lookup</li>
 *   <li>{@code H}: the complaint's head ({@link ViewHead}: next sequence, count, what to keep, when to purge)</li>
 * </ul>
 * Keys of the purge schedule {@code complaint-purges}: 8-byte time then the complaint id, so a range scan up to now
 * finds what is due.
 */
final class ViewKeys {

    static final byte EVENT = 'E';
    static final byte EVENT_ID = 'I';
    static final byte HEAD = 'H';

    private ViewKeys() {
    }

    /** Every key of one complaint. */
    static Bytes complaint(String complaintId) {
        byte[] id = complaintId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(4 + id.length).putInt(id.length).put(id).array());
    }

    static Bytes events(String complaintId) {
        return withKind(complaintId, EVENT, new byte[0]);
    }

    static Bytes event(String complaintId, long sequence) {
        return withKind(complaintId, EVENT, ByteBuffer.allocate(8).putLong(sequence).array());
    }

    static Bytes eventId(String complaintId, String eventId) {
        return withKind(complaintId, EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
    }

    static Bytes head(String complaintId) {
        return withKind(complaintId, HEAD, new byte[0]);
    }

    private static Bytes withKind(String complaintId, byte kind, byte[] suffix) {
        byte[] id = complaintId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(4 + id.length + 1 + suffix.length)
                .putInt(id.length).put(id).put(kind).put(suffix).array());
    }

    static Bytes purge(long at, String complaintId) {
        byte[] id = complaintId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(8 + id.length).putLong(Math.max(0, at)).put(id).array());
    }

    /** The first purge key after every key due at {@code at} or before. */
    static Bytes purgesAfter(long at) {
        return Bytes.wrap(ByteBuffer.allocate(8).putLong(Math.max(0, at) + 1).array());
    }

    static Bytes purgesFromStart() {
        return Bytes.wrap(new byte[8]);
    }

    static String purgedComplaint(Bytes purgeKey) {
        byte[] key = purgeKey.get();
        return new String(key, 8, key.length - 8, StandardCharsets.UTF_8);
    }

    static byte[] sequence(long sequence) {
        return ByteBuffer.allocate(8).putLong(sequence).array();
    }
}
