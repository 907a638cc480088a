package com.makeitright.cli.mail;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** {@code ./complaints mail}'s filters and its two formats: a listing for people, JSON for scripts. */
public final class MailListing {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final int LINE_WIDTH = 110;

    private MailListing() {
    }

    /**
     * The mails to {@code to} (any case; null: every recipient) about {@code complaintId} (the worker's Message-ID
     * names it; null: every complaint), in the order given.
     */
    public static List<ReceivedMail> filter(List<ReceivedMail> mails, String to, String complaintId) {
        return mails.stream()
                .filter(mail -> to == null || mail.to().equalsIgnoreCase(to.strip()))
                .filter(mail -> complaintId == null || complaintId.strip().equals(mail.complaintId()))
                .toList();
    }

    /** Each mail as a short block: when, to whom, subject, the first lines, the links; then a count. */
    public static String text(List<ReceivedMail> mails, int lines) {
        StringBuilder out = new StringBuilder();
        for (ReceivedMail mail : mails) {
            out.append(mail.date() == null ? "(no date)" : TIME.format(mail.date())).append("  to ").append(mail.to());
            if (mail.kind() != null) {
                out.append("  ").append(mail.kind()).append(" for ").append(mail.complaintId());
            }
            out.append('\n').append("  subject: ").append(mail.subject()).append('\n');
            for (String line : mail.firstLines(lines)) {
                out.append("  | ").append(shortened(line)).append('\n');
            }
            if (!mail.links().isEmpty()) {
                out.append("  links:\n");
                mail.links().forEach(link -> out.append("    ").append(link).append('\n'));
            }
            out.append('\n');
        }
        out.append(mails.size() == 1 ? "1 message" : mails.size() + " messages").append(", newest last.\n");
        return out.toString();
    }

    /** A paragraph is one line in a mail's text: on a terminal, its beginning is enough (--json has it all). */
    static String shortened(String line) {
        return line.length() <= LINE_WIDTH ? line : line.substring(0, LINE_WIDTH - 1) + "…";
    }

    /** A JSON array, one object per mail, with the whole plain text. */
    public static String json(List<ReceivedMail> mails, int lines) {
        ArrayNode array = JSON.createArrayNode();
        for (ReceivedMail mail : mails) {
            ObjectNode node = array.addObject();
            node.put("to", mail.to());
            node.put("from", mail.from());
            node.put("subject", mail.subject());
            node.put("date", mail.date() == null ? null : mail.date().toString());
            node.put("messageId", mail.messageId());
            node.put("complaintId", mail.complaintId());
            node.put("kind", mail.kind());
            ArrayNode first = node.putArray("firstLines");
            mail.firstLines(lines).forEach(first::add);
            ArrayNode links = node.putArray("links");
            mail.links().forEach(links::add);
            node.put("text", mail.text());
        }
        return JSON.writeValueAsString(array) + "\n";
    }
}
