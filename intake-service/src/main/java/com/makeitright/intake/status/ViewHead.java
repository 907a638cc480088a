package com.makeitright.intake.status;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * What the status view keeps about a complaint besides its events (a fixed 53 bytes): the next sequence number,
 * how many events are stored, where trimming continues, the first round's {@code ComplaintReceived} (kept whatever
 * is trimmed: it carries the Idempotency-Key), the latest round, the time of the latest event and when the
 * complaint closed (0: open).
 */
record ViewHead(long nextSequence, int count, long trimFrom, long keepSequence, int keepRound, int round,
                long lastEventAt, long closedAt) {

    private static final byte FORMAT = 1;
    static final ViewHead EMPTY = new ViewHead(0, 0, 0, -1, 0, 0, 0, 0);

    boolean hasReceived() {
        return keepSequence >= 0;
    }

    /**
     * When the complaint's entries go: a closed one after the grace period, one without any ComplaintReceived (an
     * orphan, e.g. a late event of a purged complaint) after the grace period since its last event, any other one
     * after the idle retention since its last event.
     */
    long purgeAt(Duration closedGrace, Duration idleRetention) {
        if (closedAt > 0) {
            return closedAt + closedGrace.toMillis();
        }
        return lastEventAt + (hasReceived() ? idleRetention : closedGrace).toMillis();
    }

    byte[] encode() {
        return ByteBuffer.allocate(53).put(FORMAT).putLong(nextSequence).putInt(count).putLong(trimFrom)
                .putLong(keepSequence).putInt(keepRound).putInt(round).putLong(lastEventAt).putLong(closedAt).array();
    }

    static ViewHead decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte format = in.get();
        if (format != FORMAT) {
            throw new IllegalStateException("unknown complaint head format " + format);
        }
        return new ViewHead(in.getLong(), in.getInt(), in.getLong(), in.getLong(), in.getInt(), in.getInt(),
                in.getLong(), in.getLong());
    }
}
