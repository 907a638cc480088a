package com.makeitright.intake.common;

/** The Idempotency-Key was already used for a different request body (HTTP 422). */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key, String complaintId) {
        super("Idempotency-Key '" + key + "' was already used for a different request (complaint " + complaintId
                + "); send a new key for a new complaint");
    }
}
