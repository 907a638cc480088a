package com.makeitright.worker.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.activation.FileTypeMap;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.time.Duration;
import java.util.Optional;

/**
 * Hands one mail to the SMTP server. A transient failure (server unreachable, timeout, 4xx, authentication) is retried
 * with doubling backoff up to the configured attempts, then thrown as {@link MailUnavailable}: the stream task fails,
 * the platform retries it from the last commit and finally dead-letters the event, so nothing is marked sent that was
 * not. A permanent failure (the server refuses the address, 5xx; a message that cannot be built) is returned as
 * {@link Outcome#rejected}: retrying would only get the same answer.
 */
public final class MailDelivery implements AutoCloseable {

    /** What became of a mail. */
    public record Outcome(boolean sent, String reason) {
        static Outcome ok() {
            return new Outcome(true, null);
        }

        static Outcome rejected(String reason) {
            return new Outcome(false, reason);
        }
    }

    /** The SMTP server did not take the mail within the attempts: try again later, nothing was sent. */
    public static final class MailUnavailable extends RuntimeException {
        MailUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** How to wait between attempts; a seam so unit tests need not wait. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JavaMailSender sender;
    private final String from;
    private final String replyTo;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Pause pause;

    public MailDelivery(JavaMailSender sender, String from, String replyTo, int maxAttempts, Duration backoff,
                        Duration maxBackoff, Pause pause) {
        this.sender = sender;
        this.from = from;
        this.replyTo = replyTo == null || replyTo.isBlank() ? null : replyTo;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.pause = pause;
    }

    public Outcome deliver(OutgoingMail mail) {
        MimeMessage message;
        try {
            message = build(mail);
        } catch (MessagingException | MailException e) {
            return Outcome.rejected("cannot build the message: " + e.getMessage());
        }
        Duration wait = backoff;
        for (int attempt = 1; ; attempt++) {
            try {
                sender.send(message);
                return Outcome.ok();
            } catch (MailParseException | MailPreparationException e) {
                return Outcome.rejected("cannot build the message: " + e.getMessage());
            } catch (MailException e) {
                Optional<String> refused = permanentRefusal(e);
                if (refused.isPresent()) {
                    return Outcome.rejected(refused.get());
                }
                if (attempt >= maxAttempts) {
                    throw new MailUnavailable("SMTP server did not take the mail after " + attempt + " attempts: "
                            + e.getMessage(), e);
                }
                log.warn("SMTP send failed (attempt {} of {}), retrying in {}: {}", attempt, maxAttempts, wait,
                        e.getMessage());
                try {
                    pause.pause(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new MailUnavailable("interrupted while waiting to retry", e);
                }
                wait = wait.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : wait.multipliedBy(2);
            }
        }
    }

    /** Closes the sender's connection, if it keeps one (at shutdown). */
    @Override
    public void close() throws Exception {
        if (sender instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private MimeMessage build(OutgoingMail mail) throws MessagingException {
        MimeMessage message = new FixedIdMessage(sender.createMimeMessage(), mail.messageId());
        MimeMessageHelper helper = new Helper(message);
        helper.setFrom(from);
        if (replyTo != null) {
            helper.setReplyTo(replyTo);
        }
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        return message;
    }

    /**
     * A refusal the server will repeat: it rejected the recipient with a 5xx (the address does not exist, is not
     * accepted). Authentication failures and 4xx are transient (a configuration being fixed, a full mailbox).
     */
    static Optional<String> permanentRefusal(MailException e) {
        if (e instanceof MailAuthenticationException || !(e instanceof MailSendException send)) {
            return Optional.empty();
        }
        for (Exception failure : send.getFailedMessages().values()) {
            for (Throwable cause = failure; cause != null; cause = next(cause)) {
                if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                        && failed.getInvalidAddresses().length > 0) {
                    return Optional.of("the server refused the address: " + failed.getMessage());
                }
                Integer code = smtpCode(cause);
                if (code != null && code >= 500 && code < 600) {
                    return Optional.of("the server refused the mail (" + code + "): " + cause.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /** Jakarta Mail chains the per-recipient refusals through {@code getNextException}, not the cause. */
    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != cause) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    /**
     * The SMTP reply code Angus Mail (the Jakarta Mail implementation, a runtime dependency only) puts on its
     * {@code SMTPAddressFailedException} and {@code SMTPSendFailedException}; read by name so the code depends on the
     * Jakarta Mail API alone.
     */
    static Integer smtpCode(Throwable cause) {
        try {
            Object code = cause.getClass().getMethod("getReturnCode").invoke(cause);
            return code instanceof Integer value && value > 0 ? value : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Spring's helper with one file type map for every message. The stock helper makes a new one (reading
     * {@code mime.types} from the class path) for each message that is not a Spring one, as ours are not: that was a
     * good part of the CPU of each mail (docs/follow-up-worker.md). The mails carry no attachments; the map is only
     * there because the helper wants one.
     */
    private static final class Helper extends MimeMessageHelper {
        private static final FileTypeMap FILE_TYPES = new ConfigurableMimeFileTypeMap();

        Helper(MimeMessage message) throws MessagingException {
            super(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return FILE_TYPES;
        }
    }

    /** Keeps our derived Message-ID: Jakarta Mail would replace it with a random one when the message is saved. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(MimeMessage template, String messageId) throws MessagingException {
            super(template.getSession() == null ? Session.getInstance(new java.util.Properties()) : template.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
