package com.makeitright.intake.submission;

import com.makeitright.intake.common.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/** The rules of the {@code Idempotency-Key} header, and the complaint id a key stands for. */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]{1,200}");

    private IdempotencyKeys() {
    }

    /** Null when absent; the key when valid; {@link InvalidInput} otherwise. */
    static String check(String key) {
        if (key == null) {
            return null;
        }
        if (!PRINTABLE.matcher(key).matches() || key.isBlank()) {
            throw new InvalidInput(HEADER, "must be 1 to 200 printable ASCII characters, not all blank");
        }
        return key;
    }

    /**
     * The complaint id of a key: name-based, so every sending of the same request, on any instance and after any
     * restart, names the same complaint.
     */
    static String complaintId(String key) {
        return UUID.nameUUIDFromBytes(("make-it-right/idempotency-key/" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * The event id of the {@code ComplaintReceived} a key stands for: name-based too, so if two instances ever both
     * publish one key (a retry on another instance before its view knew the key), the second is an exact duplicate
     * by event id, and every reader drops it (the status view by event id, triage by complaint and round).
     */
    static String eventId(String key) {
        return UUID.nameUUIDFromBytes(("make-it-right/idempotency-key/event/" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
