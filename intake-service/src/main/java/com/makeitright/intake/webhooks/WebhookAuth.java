package com.makeitright.intake.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Whether a webhook request comes from the configured helpdesk, decided on the raw bytes before anything is
 * parsed (a re-serialised body would not verify). Every comparison is constant-time ({@link MessageDigest#isEqual}),
 * so a forger learns nothing from how long a refusal took. Refusals never quote a secret or a signature.
 */
final class WebhookAuth {

    private WebhookAuth() {
    }

    /** Zammad: {@code X-Hub-Signature: sha1=<hex HMAC-SHA1(secret, body)>}. */
    static void zammad(String secret, String signatureHeader, byte[] body) {
        if (signatureHeader == null || !signatureHeader.startsWith("sha1=")) {
            throw WebhookRefused.unauthorized("X-Hub-Signature is missing or not of the form sha1=<hex>");
        }
        byte[] expected = HexFormat.of().formatHex(hmac("HmacSHA1", secret, body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.substring(5).toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw WebhookRefused.unauthorized("X-Hub-Signature does not match the body");
        }
    }

    /**
     * Zendesk: {@code X-Zendesk-Webhook-Signature: base64(HMAC-SHA256(secret, timestamp + body))}, the timestamp
     * being the {@code X-Zendesk-Webhook-Signature-Timestamp} header as sent, and within {@code window} of now.
     */
    static void zendesk(String secret, String signatureHeader, String timestampHeader, byte[] body, Clock clock,
                        Duration window) {
        if (signatureHeader == null || timestampHeader == null) {
            throw WebhookRefused.unauthorized(
                    "X-Zendesk-Webhook-Signature and X-Zendesk-Webhook-Signature-Timestamp are required");
        }
        byte[] timestamp = timestampHeader.getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[timestamp.length + body.length];
        System.arraycopy(timestamp, 0, signed, 0, timestamp.length);
        System.arraycopy(body, 0, signed, timestamp.length, body.length);
        byte[] expected = Base64.getEncoder().encode(hmac("HmacSHA256", secret, signed));
        if (!MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII))) {
            throw WebhookRefused.unauthorized("X-Zendesk-Webhook-Signature does not match the timestamp and body");
        }
        // checked after the signature: an attacker cannot probe the window without a valid signature
        inWindow(timestampHeader, "X-Zendesk-Webhook-Signature-Timestamp", clock, window);
    }

    /** A generic source: its configured algorithm, encoding, header, prefix and optional signed timestamp. */
    static void generic(WebhookProperties.Generic config, String signatureHeader, String timestampHeader, byte[] body,
                        Clock clock) {
        if (signatureHeader == null || !signatureHeader.startsWith(config.signaturePrefix())) {
            throw WebhookRefused.unauthorized(config.signatureHeader() + " is missing or malformed");
        }
        byte[] signed = body;
        if (config.timestampHeader() != null && !config.timestampHeader().isBlank()) {
            if (timestampHeader == null) {
                throw WebhookRefused.unauthorized(config.timestampHeader() + " is required");
            }
            byte[] timestamp = timestampHeader.getBytes(StandardCharsets.UTF_8);
            signed = new byte[timestamp.length + body.length];
            System.arraycopy(timestamp, 0, signed, 0, timestamp.length);
            System.arraycopy(body, 0, signed, timestamp.length, body.length);
        }
        byte[] mac = hmac(config.algorithm(), config.secret(), signed);
        byte[] expected = "base64".equals(config.encoding()) ? Base64.getEncoder().encode(mac)
                : HexFormat.of().formatHex(mac).getBytes(StandardCharsets.US_ASCII);
        String given = signatureHeader.substring(config.signaturePrefix().length()).trim();
        if (!"base64".equals(config.encoding())) {
            given = given.toLowerCase(java.util.Locale.ROOT);
        }
        if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
            throw WebhookRefused.unauthorized(config.signatureHeader() + " does not match the body");
        }
        if (signed != body) {
            inWindow(timestampHeader, config.timestampHeader(), clock, config.timestampWindow());
        }
    }

    private static void inWindow(String value, String header, Clock clock, Duration window) {
        Instant at;
        try {
            at = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw WebhookRefused.unauthorized(header + " is not an ISO-8601 instant");
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(window) > 0) {
            throw WebhookRefused.unauthorized(header + " is more than " + window
                    + " away from now: a replayed or delayed request");
        }
    }

    /** Freshdesk: HTTP Basic with the configured user and password, or the configured API-key header. */
    static void freshdesk(WebhookProperties.Freshdesk config, String authorization, String apiKey) {
        if (config.apiKeyEnabled() && apiKey != null && equal(config.apiKey(), apiKey)) {
            return;
        }
        if (config.basicEnabled() && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String expected = config.username() + ":" + config.password();
            String given;
            try {
                given = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                given = "";
            }
            if (equal(expected, given)) {
                return;
            }
        }
        throw WebhookRefused.unauthorized("Freshdesk credentials are missing or wrong (HTTP Basic or "
                + config.apiKeyHeader() + ")");
    }

    /** Constant-time, also in the length: both sides are hashed to 32 bytes first. */
    private static boolean equal(String expected, String given) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static byte[] hmac(String algorithm, String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has " + algorithm, e);
        }
    }
}
