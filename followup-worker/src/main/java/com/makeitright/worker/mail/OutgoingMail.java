package com.makeitright.worker.mail;

/**
 * One rendered mail. {@code messageId} is derived from what makes it unique (complaint, round, kind, offer), so a copy
 * that slips through the idempotency window carries the same {@code Message-ID} and mail clients can fold it.
 */
public record OutgoingMail(String to, String subject, String text, String html, String messageId) {
}
