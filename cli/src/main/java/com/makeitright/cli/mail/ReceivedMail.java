package com.makeitright.cli.mail;

import java.time.Instant;
import java.util.List;

/**
 * One message the local mail server received, as {@code ./complaints mail} shows it. {@code complaintId} and
 * {@code kind} come from the worker's Message-ID ({@code <complaint.round.kind.offer@make-it-right>},
 * docs/follow-up-worker.md) and are null for a mail that is not the worker's.
 */
public record ReceivedMail(String to, String from, String subject, Instant date, String messageId, String complaintId,
                           String kind, String text, List<String> links) {

    /** The one-click answer links among {@link #links()} (offer and satisfaction check mails), in mail order. */
    public List<AnswerLink> answerLinks() {
        return links.stream().map(AnswerLink::of).flatMap(java.util.Optional::stream).toList();
    }

    /** The first {@code count} non-blank lines of the plain text, stripped. */
    public List<String> firstLines(int count) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).limit(count).toList();
    }
}
