package com.makeitright.cli.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the local mail server (GreenMail standalone) received, read through its REST API: {@code GET /api/user}
 * lists every mailbox (GreenMail makes one per recipient as mail arrives) and
 * {@code GET /api/user/{address}/messages/INBOX} gives each message as its MIME text, parsed here with Jakarta Mail.
 * The REST API rather than IMAP: it needs no password per mailbox and lists the mailboxes.
 */
public final class MailServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WORKER_MESSAGE_ID =
            Pattern.compile("^<(.+)\\.(\\d+)\\.([a-z_]+)\\.([^.@]+)@make-it-right>$");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");
    private static final Pattern HREF = Pattern.compile("href=\"(https?://[^\"]+)\"");
    /** GreenMail's Received header ends with the time it took the mail, as {@code java.util.Date#toString}. */
    private static final DateTimeFormatter RECEIVED_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT);

    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Session session = Session.getInstance(new Properties());

    /** {@code apiUrl}: e.g. {@code http://127.0.0.1:8025}. */
    public MailServer(String apiUrl) {
        this.api = URI.create(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    }

    /** Every message of every mailbox, oldest first. Throws {@link IOException} when the server does not answer. */
    public List<ReceivedMail> received() throws IOException {
        List<ReceivedMail> all = new ArrayList<>();
        for (JsonNode user : get("api/user")) {
            String address = user.path("email").asString();
            JsonNode messages = get("api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                    .replace("+", "%20") + "/messages/INBOX");
            for (JsonNode message : messages) {
                all.add(parse(address, message.path("mimeMessage").asString()));
            }
        }
        // A mail without any date sorts first; equal times keep the server's order (per mailbox, as received).
        all.sort(Comparator.comparing(ReceivedMail::date, Comparator.nullsFirst(Comparator.naturalOrder())));
        return all;
    }

    /**
     * The messages of one mailbox, oldest first; empty when nothing came for {@code address} yet (GreenMail makes a
     * mailbox with the first mail to it, and answers for an unknown one with an error, not an empty list). Reads one
     * mailbox, not all: what a customer's mail client does, and what keeps {@code simulate --via-mail} cheap.
     */
    public List<ReceivedMail> receivedBy(String address) throws IOException {
        String path = "api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8).replace("+", "%20")
                + "/messages/INBOX";
        List<ReceivedMail> mails = new ArrayList<>();
        for (JsonNode message : get(path, true)) {
            mails.add(parse(address, message.path("mimeMessage").asString()));
        }
        mails.sort(Comparator.comparing(ReceivedMail::date, Comparator.nullsFirst(Comparator.naturalOrder())));
        return mails;
    }

    /**
     * Deletes every message the server holds ({@code POST /api/mail/purge}). GreenMail keeps mail in its heap only:
     * a long load (the bench's) purges it as it goes, or the server runs out of memory and mail stops.
     */
    public void purge() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(api.resolve("api/mail/purge")).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("POST " + request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private JsonNode get(String path) throws IOException {
        return get(path, false);
    }

    /** {@code emptyOnClientError}: a 4xx (no such mailbox) reads as an empty list; the server down still throws. */
    private JsonNode get(String path, boolean emptyOnClientError) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (emptyOnClientError && response.statusCode() >= 400 && response.statusCode() < 500) {
                return JSON.createArrayNode();
            }
            if (response.statusCode() != 200) {
                throw new IOException("GET " + request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    ReceivedMail parse(String mailbox, String mime) throws IOException {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(mime.getBytes(StandardCharsets.UTF_8)));
            String messageId = message.getMessageID();
            String complaintId = null;
            String kind = null;
            if (messageId != null) {
                Matcher worker = WORKER_MESSAGE_ID.matcher(messageId.strip());
                if (worker.matches()) {
                    complaintId = worker.group(1);
                    kind = worker.group(3).toUpperCase(Locale.ROOT);
                }
            }
            String text = textOf(message);
            String html = part(message, "text/html");
            Set<String> links = new LinkedHashSet<>();
            if (text != null) {
                LINK.matcher(text).results().map(r -> r.group()).forEach(links::add);
            }
            if (html != null) {
                HREF.matcher(html).results().map(r -> r.group(1).replace("&amp;", "&")).forEach(links::add);
            }
            if (text == null) {
                text = html == null ? "" : html.replaceAll("<[^>]+>", " ").replaceAll("[ \\t]+", " ");
            }
            return new ReceivedMail(mailbox, from(message), message.getSubject(), date(message), messageId, complaintId,
                    kind, text, List.copyOf(links));
        } catch (MessagingException e) {
            throw new IOException("cannot read a message of " + mailbox + ": " + e.getMessage(), e);
        }
    }

    private static String from(Message message) throws MessagingException {
        var from = message.getFrom();
        if (from == null || from.length == 0) {
            return "";
        }
        return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
    }

    /** When the server took it (its Received header); else the sender's Date header. */
    private static Instant date(MimeMessage message) throws MessagingException {
        String[] received = message.getHeader("Received");
        if (received != null && received.length > 0) {
            String value = received[0];
            int semicolon = value.lastIndexOf(';');
            if (semicolon >= 0) {
                try {
                    return ZonedDateTime.parse(value.substring(semicolon + 1).strip().replaceAll("\\s+", " "),
                            RECEIVED_TIME).toInstant();
                } catch (DateTimeParseException notGreenMails) {
                    // fall through to the Date header
                }
            }
        }
        return message.getSentDate() == null ? null : message.getSentDate().toInstant();
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        return part(part, "text/plain");
    }

    /** The first part of {@code type}, depth first (the worker sends multipart/alternative: text, then HTML). */
    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            return content instanceof String string ? string : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
