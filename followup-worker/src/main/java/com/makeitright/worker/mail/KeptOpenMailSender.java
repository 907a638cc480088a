package com.makeitright.worker.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.InputStream;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Sends over one SMTP connection kept open between mails, where {@link JavaMailSenderImpl} connects, greets and
 * quits for every mail: a worker behind a burst sends mail after mail, and the session set-up was most of each
 * send. Connection settings (host, port, protocol, credentials, {@code spring.mail.properties}) are Boot's
 * {@link JavaMailSenderImpl}'s, so configuration is unchanged.
 *
 * <p>A connection idle longer than {@code maxIdle} is replaced before use (servers drop idle sessions, RFC 5321
 * allows after 5 minutes). A send that fails on a reused connection without an answer from the server (the
 * connection was dropped) is tried once more on a fresh one; an answer (a refusal with a reply code) is not retried
 * here: {@link MailDelivery} decides. A connection that drops after a mail's data went out may send it twice, as any
 * SMTP retry may; its Message-ID is derived from the event, so mail clients can tell. Failures surface as Spring's
 * {@link MailException}s, as {@link JavaMailSenderImpl} reports them. One connection for the process: sends are
 * serialised, as the stream thread sends one mail at a time anyway.
 */
final class KeptOpenMailSender implements JavaMailSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeptOpenMailSender.class);

    private final JavaMailSenderImpl settings;
    private final long maxIdleNanos;
    private final LongSupplier nanoTime;
    private Transport transport;
    private long lastUsed;
    private long connections;

    KeptOpenMailSender(JavaMailSenderImpl settings, Duration maxIdle, LongSupplier nanoTime) {
        this.settings = settings;
        this.maxIdleNanos = maxIdle.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public MimeMessage createMimeMessage() {
        return settings.createMimeMessage();
    }

    @Override
    public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
        return settings.createMimeMessage(contentStream);
    }

    @Override
    public void send(SimpleMailMessage... simpleMessages) throws MailException {
        throw new UnsupportedOperationException("the worker sends MIME messages only");
    }

    @Override
    public synchronized void send(MimeMessage... messages) throws MailException {
        Map<Object, Exception> failed = new LinkedHashMap<>();
        for (MimeMessage message : messages) {
            try {
                prepare(message);
                sendOne(message);
            } catch (AuthenticationFailedException e) {
                disconnect();
                throw new MailAuthenticationException(e);
            } catch (MessagingException e) {
                disconnect();
                failed.put(message, e);
            }
        }
        if (!failed.isEmpty()) {
            throw new MailSendException(failed);
        }
    }

    /** What {@link JavaMailSenderImpl} does before a send: a sent date, and saved headers keeping the Message-ID. */
    private static void prepare(MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
    }

    private void sendOne(MimeMessage message) throws MessagingException {
        boolean reused = transport != null && nanoTime.getAsLong() - lastUsed < maxIdleNanos;
        if (!reused) {
            connect();
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException dropped) {
            if (!reused || answered(dropped)) {
                throw dropped;
            }
            log.debug("The kept SMTP connection failed ({}); sending on a new one", dropped.getMessage());
            connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
        lastUsed = nanoTime.getAsLong();
    }

    /** The server answered (a refusal with a reply code): a new connection would get the same answer. */
    private static boolean answered(MessagingException e) {
        if (!(e instanceof SendFailedException failed)) {
            return false;
        }
        Integer code = MailDelivery.smtpCode(failed);
        return code != null || (failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0);
    }

    private void connect() throws MessagingException {
        disconnect();
        Transport fresh = settings.getSession().getTransport(
                settings.getProtocol() == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : settings.getProtocol());
        String username = settings.getUsername();
        String password = settings.getPassword();
        if ("".equals(username)) { // as JavaMailSenderImpl: an empty user name means no authentication
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        fresh.connect(settings.getHost(), settings.getPort(), username, password);
        transport = fresh;
        lastUsed = nanoTime.getAsLong();
        connections++;
    }

    /** Connections opened so far. */
    synchronized long connections() {
        return connections;
    }

    private void disconnect() {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug("Closing the SMTP connection failed: {}", e.getMessage());
        }
        transport = null;
    }

    @Override
    public synchronized void close() {
        disconnect();
    }
}
