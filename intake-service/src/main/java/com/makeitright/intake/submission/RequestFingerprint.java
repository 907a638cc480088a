package com.makeitright.intake.submission;

import com.makeitright.contract.EventJson;
import com.makeitright.events.ComplaintReceived;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What a complaint request asked for, as a hash of the event it became without the parts that differ
 * between two sendings of the same request (event id, time, key). Computed the same way from a new request
 * and from a {@code ComplaintReceived} read back from the topic, so it needs no field of its own.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(ComplaintReceived received) {
        ComplaintReceived content = ComplaintReceived.newBuilder(received)
                .setEventId("")
                .setOccurredAt(Instant.EPOCH)
                .setCausationId(null)
                .setRound(1)
                .setIdempotencyKey(null)
                .setReopenedFrom(null)
                .build();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(EventJson.toJson(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
