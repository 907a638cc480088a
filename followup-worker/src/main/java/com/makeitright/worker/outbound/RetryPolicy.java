package com.makeitright.worker.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which answers of a receiver are worth another attempt, and how long to wait before it. The one home of the
 * retry rules of outgoing HTTP (webhooks and helpdesk notes).
 */
final class RetryPolicy {

    enum Verdict { DELIVERED, RETRY, PERMANENT }

    private final DeliverySettings settings;

    RetryPolicy(DeliverySettings settings) {
        this.settings = settings;
    }

    /**
     * 2xx is delivered. 5xx, 408 (the receiver timed out) and 429 (slow down) may pass. Any other answer (4xx, and a
     * 3xx: redirects are not followed, a moved URL is a configuration to fix) will be the same next time.
     */
    static Verdict classify(int status) {
        if (status >= 200 && status < 300) {
            return Verdict.DELIVERED;
        }
        if (status >= 500 || status == 408 || status == 429) {
            return Verdict.RETRY;
        }
        return Verdict.PERMANENT;
    }

    int maxAttempts() {
        return settings.maxAttempts();
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based): the receiver's {@code Retry-After} when it sent one,
     * else {@code backoff} doubled per attempt; never more than {@code maxBackoff}, so the delivery stays bounded.
     */
    Duration waitAfter(int attempt, Optional<Duration> retryAfter) {
        Duration exponential = settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        Duration wanted = retryAfter.orElse(exponential);
        return wanted.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wanted;
    }

    /** A {@code Retry-After} value, delta-seconds or an HTTP-date; empty when absent or unreadable. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return trimmed.length() > 9 ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
