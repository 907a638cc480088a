package com.makeitright.cli.mail;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A one-click answer link of a worker's mail ({@code <intake>/customer/answer?token=…}), read as the customer's mail
 * client sees it: which answer it gives, taken from the token's payload ({@code v1|complaint|subject|action|expiry},
 * platform's {@code LinkTokens}; docs/follow-up-worker.md, "Answer links"). The signature is not checked here (the
 * key is intake's and the worker's): intake checks it when the link is followed. Reading the payload rather than the
 * words beside the link keeps this working when a team edits the mail templates.
 *
 * @param subjectId the offer id of an offer's link, {@code round-N} of a satisfaction check's
 * @param action    {@code ACCEPT}, {@code DECLINE}, {@code COUNTER}, or {@code SCORE_1} … {@code SCORE_5}
 */
public record AnswerLink(String url, String complaintId, String subjectId, String action, Instant expiresAt) {

    static final String ANSWER_PATH = "/customer/answer";

    /** The answer link {@code url} is, or empty for any other link (a web page, a malformed token). */
    public static Optional<AnswerLink> of(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getPath() == null || !uri.getPath().endsWith(ANSWER_PATH) || uri.getRawQuery() == null) {
                return Optional.empty();
            }
            for (String parameter : uri.getRawQuery().split("&")) {
                if (parameter.startsWith("token=")) {
                    return payload(URLDecoder.decode(parameter.substring(6), StandardCharsets.UTF_8))
                            .map(parts -> new AnswerLink(url, parts[1], parts[2], parts[3],
                                    Instant.ofEpochMilli(Long.parseLong(parts[4]))));
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException notALinkWeRead) { // also a NumberFormatException of the expiry
            return Optional.empty();
        }
    }

    private static Optional<String[]> payload(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8)
                .split("\\|", -1);
        return parts.length == 5 && "v1".equals(parts[0]) ? Optional.of(parts) : Optional.empty();
    }

    /** Whether this link answers offer {@code offerId} of complaint {@code complaintId} with {@code decision}. */
    public boolean answersOffer(String complaintId, String offerId, String decision) {
        return this.complaintId.equals(complaintId) && subjectId.equals(offerId) && action.equals(decision);
    }

    /** Whether this link answers the satisfaction check of {@code round} with {@code score}. */
    public boolean answersCheck(String complaintId, int round, int score) {
        return this.complaintId.equals(complaintId) && subjectId.equals("round-" + round)
                && action.equals("SCORE_" + score);
    }

    /** The score of a satisfaction check's link, else empty. */
    public OptionalInt score() {
        return action.matches("SCORE_[1-5]") ? OptionalInt.of(action.charAt(6) - '0') : OptionalInt.empty();
    }
}
