package com.makeitright.platform;

/**
 * How often a record is attempted before it is dead-lettered. Deserialization failures are not retried:
 * the same bytes will not decode on a second try.
 */
public record DeadLetterPolicy(int maxAttempts) {

    public DeadLetterPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }
}
