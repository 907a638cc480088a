package com.makeitright.platform.links;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Signed, expiring tokens of the links in customer mails (the follow-up worker issues them, intake checks them):
 * {@code base64url(payload) "." base64url(HMAC-SHA256(key, payload))}, the payload binding the complaint, the subject
 * (an offer id), the action and the expiry. The token carries no secret and no personal data; it only proves that we
 * issued it. Single use is not the token's business: intake refuses the answer once the state machine says the offer
 * was answered, which holds across restarts and instances without a used-token list.
 */
public final class LinkTokens {

    /** Where a link lands: intake serves it, the worker writes it, {@code <intake URL>/customer/answer?token=…}. */
    public static final String ANSWER_PATH = "/customer/answer";

    /** What a token grants: {@code action} on {@code subjectId} of {@code complaintId} until {@code expiresAt}. */
    public record Claim(String complaintId, String subjectId, String action, Instant expiresAt) {
        public Claim {
            for (String part : new String[]{complaintId, subjectId, action}) {
                if (part == null || !PART.matcher(part).matches()) {
                    throw new IllegalArgumentException("a token part must be 1-64 of [A-Za-z0-9_-]: " + part);
                }
            }
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** Why a token was refused. */
    public enum Problem { MALFORMED, FORGED, EXPIRED }

    /** A refused token; {@link #problem()} says why, the message says it to a person. */
    public static final class InvalidToken extends RuntimeException {
        private final Problem problem;

        public InvalidToken(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** HMAC-SHA256's own block: a shorter key would be padded, a guessable one forged. */
    public static final int MIN_KEY_BYTES = 32;
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /** The subject of a satisfaction check's links: its round, so an earlier round's link cannot answer a later one. */
    public static String satisfactionSubject(int round) {
        return "round-" + round;
    }

    /** The action of a satisfaction link: the score it answers with, 1 to 5. */
    public static String scoreAction(int score) {
        return "SCORE_" + score;
    }

    /** The round of a {@link #satisfactionSubject}, or empty for another subject (an offer id). */
    public static java.util.OptionalInt roundOf(String subjectId) {
        return subjectId.matches("round-[1-9][0-9]{0,5}")
                ? java.util.OptionalInt.of(Integer.parseInt(subjectId.substring(6))) : java.util.OptionalInt.empty();
    }

    /** The score of a {@link #scoreAction}, or empty for another action. */
    public static java.util.OptionalInt scoreOf(String action) {
        return action.matches("SCORE_[1-5]")
                ? java.util.OptionalInt.of(action.charAt(6) - '0') : java.util.OptionalInt.empty();
    }

    public LinkTokens(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the link signing key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The key as configured: its UTF-8 bytes (generate one with {@code openssl rand -base64 48}). */
    public static LinkTokens fromSecret(String secret) {
        return new LinkTokens(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
    }

    public String issue(Claim claim) {
        String payload = String.join("|", VERSION, claim.complaintId(), claim.subjectId(), claim.action(),
                Long.toString(claim.expiresAt().toEpochMilli()));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + '.' + ENCODER.encodeToString(sign(bytes));
    }

    /** The claim of a token we signed and that has not expired at {@code now}; else {@link InvalidToken}. */
    public Claim verify(String token, Instant now) {
        if (token == null || token.length() > 512) {
            throw new InvalidToken(Problem.MALFORMED, "The link is incomplete.");
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, Math.max(dot, 0)));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidToken(Problem.MALFORMED, "The link is incomplete.");
        }
        if (dot <= 0 || !MessageDigest.isEqual(sign(payload), signature)) { // constant time: no timing oracle
            throw new InvalidToken(Problem.FORGED, "This link was not issued by us, or it was changed.");
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        Claim claim;
        try {
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown layout");
            }
            claim = new Claim(parts[1], parts[2], parts[3], Instant.ofEpochMilli(Long.parseLong(parts[4])));
        } catch (IllegalArgumentException e) { // signed by us but not readable: a key shared with another format
            throw new InvalidToken(Problem.MALFORMED, "The link is incomplete.");
        }
        if (!now.isBefore(claim.expiresAt())) {
            throw new InvalidToken(Problem.EXPIRED, "This link expired.");
        }
        return claim;
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
