package com.makeitright.worker.notify;

import com.makeitright.events.CustomerNotified;
import com.makeitright.events.NotificationChannel;
import com.makeitright.events.NotificationKind;
import com.makeitright.events.NotificationOutcome;
import com.makeitright.worker.mail.MailKind;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract's record of a message the worker sent, had refused for good, or did not send to a customer marked
 * do-not-contact ({@code CustomerNotified}): which mail, for
 * which complaint, round and offer, owed by which event. Never the mail's personal content: no address, no name, no
 * text. A refusal's reason is the server's answer, which often quotes the address ({@code 550 <dana@example.com>: no
 * such user}) and may quote the name, so both are taken out before it leaves the worker.
 */
final class Notifications {

    static final int MAX_REASON = 500;
    static final String ADDRESS_OMITTED = "<address>";
    static final String NAME_OMITTED = "<name>";
    static final String NUMBER_OMITTED = "<number>";
    /** A run of digits with the separators phone numbers are written with; a number only from {@link #MIN_DIGITS}. */
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d\\s().-]*\\d");
    /** Fewer digits are a status code (550 5.1.1), not a phone number. */
    private static final int MIN_DIGITS = 7;
    /** Anything shaped like an address, not only the customer's: a server may quote a forwarding target. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");
    /** Parts of a name shorter than this are left in: they would blank out ordinary words of the answer. */
    private static final int MIN_NAME_PART = 3;

    private Notifications() {
    }

    /** A mail's record. */
    static CustomerNotified of(Notice notice, ContactCard contact, SentEntry entry) {
        return of(notice, contact, entry, NotificationChannel.EMAIL);
    }

    /** @param channel the channel it went by, or would have gone by when suppressed */
    static CustomerNotified of(Notice notice, ContactCard contact, SentEntry entry, NotificationChannel channel) {
        boolean sent = entry.outcome() == SentEntry.Outcome.SENT;
        return CustomerNotified.newBuilder()
                .setEventId(eventId(notice, entry))
                .setComplaintId(notice.complaintId())
                .setOccurredAt(entry.at())
                // a notice kept in the pending store before the worker recorded its cause has none
                .setCausationId(notice.causationId() == null ? "unknown" : notice.causationId())
                .setRound(notice.round())
                .setKind(kind(notice.kind()))
                .setChannel(channel)
                .setOutcome(switch (entry.outcome()) {
                    case SENT -> NotificationOutcome.SENT;
                    case REJECTED -> NotificationOutcome.REJECTED;
                    case SUPPRESSED -> NotificationOutcome.SUPPRESSED;
                })
                .setOfferId(notice.kind() == MailKind.OFFER || notice.kind() == MailKind.OFFER_REMINDER
                        ? notice.subjectId() : null)
                .setReason(sent ? null : scrub(entry.detail(), contact))
                .build();
    }

    /**
     * Derived from what makes the attempt unique: the mail's key, its cause, the outcome and when. A mail is recorded
     * {@code SENT} once; a copy of an event whose mail was refused tries again, a new attempt with an id of its own.
     */
    static String eventId(Notice notice, SentEntry entry) {
        String name = "CustomerNotified|" + notice.sentKey() + '|' + notice.causationId() + '|' + entry.outcome()
                + '|' + entry.at().toEpochMilli();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static NotificationKind kind(MailKind kind) {
        return switch (kind) {
            case ACKNOWLEDGEMENT -> NotificationKind.ACKNOWLEDGEMENT;
            case OFFER -> NotificationKind.OFFER;
            case OFFER_REMINDER -> NotificationKind.OFFER; // about the offer; its key and id tell it from the offer mail
            case SATISFACTION_CHECK -> NotificationKind.SATISFACTION_CHECK;
            case INBOX_ESCALATION, INBOX_CALL_TASK ->
                    throw new IllegalArgumentException(kind + " goes to the team, not to the customer");
        };
    }

    /**
     * The server's refusal without the customer's address, any phone number or the name, cut to {@link #MAX_REASON}
     * characters.
     */
    static String scrub(String reason, ContactCard contact) {
        if (reason == null) {
            return "refused";
        }
        String text = reason;
        if (contact != null && contact.email() != null && !contact.email().isBlank()) {
            text = replaceIgnoringCase(text, contact.email().strip(), ADDRESS_OMITTED);
        }
        text = ADDRESS.matcher(text).replaceAll(Matcher.quoteReplacement(ADDRESS_OMITTED));
        // an SMS provider's refusal may quote the number
        text = NUMBER.matcher(text).replaceAll(number -> number.group().chars().filter(Character::isDigit).count()
                >= MIN_DIGITS ? Matcher.quoteReplacement(NUMBER_OMITTED) : Matcher.quoteReplacement(number.group()));
        if (contact != null && contact.name() != null && !contact.name().isBlank()) {
            text = replaceIgnoringCase(text, contact.name().strip(), NAME_OMITTED);
            for (String part : contact.name().strip().split("\\s+")) {
                if (part.length() >= MIN_NAME_PART) {
                    text = Pattern.compile("\\b" + Pattern.quote(part) + "\\b",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                            .matcher(text).replaceAll(Matcher.quoteReplacement(NAME_OMITTED));
                }
            }
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }

    private static String replaceIgnoringCase(String text, String literal, String replacement) {
        return Pattern.compile(Pattern.quote(literal), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }
}
