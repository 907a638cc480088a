package com.makeitright.worker.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link KeptOpenMailSender} against a real SMTP server (GreenMail, in this JVM, on a free port). */
class KeptOpenMailSenderTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(freePort(), "127.0.0.1", "smtp"));

    private final AtomicLong now = new AtomicLong();

    private static JavaMailSenderImpl settings(int port) {
        JavaMailSenderImpl settings = new JavaMailSenderImpl();
        settings.setHost("127.0.0.1");
        settings.setPort(port);
        settings.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        settings.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return settings;
    }

    private KeptOpenMailSender sender() {
        return new KeptOpenMailSender(settings(smtp.getSmtp().getPort()), Duration.ofSeconds(30), now::get);
    }

    private static MimeMessage mail(JavaMailSender sender, String to, String subject) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(new InternetAddress("care@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("We are sorry.");
        return message;
    }

    @Test
    void mailAfterMailGoesOverOneConnection() throws Exception {
        try (KeptOpenMailSender sender = sender()) {
            for (int i = 0; i < 5; i++) {
                sender.send(mail(sender, "dana@example.com", "Mail " + i));
                now.addAndGet(Duration.ofSeconds(1).toNanos());
            }
            assertThat(smtp.getReceivedMessagesForDomain("dana@example.com")).hasSize(5);
            assertThat(sender.connections()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionIdleLongerThanTheLimitIsReplacedBeforeUse() throws Exception {
        try (KeptOpenMailSender sender = sender()) {
            sender.send(mail(sender, "lee@example.com", "First"));
            now.addAndGet(Duration.ofSeconds(31).toNanos());
            sender.send(mail(sender, "lee@example.com", "Second"));
            assertThat(smtp.getReceivedMessagesForDomain("lee@example.com")).hasSize(2);
            assertThat(sender.connections()).isEqualTo(2);
        }
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedAndTheMailStillSentOnce() throws Exception {
        try (KeptOpenMailSender sender = sender()) {
            sender.send(mail(sender, "sam@example.com", "Before"));
            smtp.stop(); // drops every session, as a server's idle timeout or a restart does
            smtp.start();
            sender.send(mail(sender, "sam@example.com", "After"));
            assertThat(smtp.getReceivedMessagesForDomain("sam@example.com")).extracting(MimeMessage::getSubject)
                    .containsExactly("After");
            assertThat(sender.connections()).isEqualTo(2);
        }
    }

    @Test
    void noServerIsASendFailureMailDeliveryRetries() throws Exception {
        try (KeptOpenMailSender sender = new KeptOpenMailSender(settings(freePort()), Duration.ofSeconds(30),
                now::get)) {
            MimeMessage message = mail(sender, "kim@example.com", "Nobody listens");
            assertThatThrownBy(() -> sender.send(message)).isInstanceOf(MailSendException.class)
                    .satisfies(e -> assertThat(MailDelivery.permanentRefusal((MailSendException) e)).isEmpty());
        }
    }

    /**
     * Not a test: mails per second to the same server, one connection per mail ({@link JavaMailSenderImpl}) against
     * the kept connection, alternating, printed. {@code ./mvnw -pl followup-worker test
     * -Dtest=KeptOpenMailSenderTest -Dworker.mail.measure=true}
     */
    @Test
    @EnabledIfSystemProperty(named = "worker.mail.measure", matches = "true")
    void measure() throws Exception {
        int count = 2_000;
        int port = smtp.getSmtp().getPort();
        for (int round = 1; round <= 3; round++) {
            double perMail = rate(settings(port), count);
            double kept;
            try (KeptOpenMailSender sender = new KeptOpenMailSender(settings(port), Duration.ofSeconds(30),
                    System::nanoTime)) {
                kept = rate(sender, count);
            }
            System.out.printf(Locale.ROOT, "round %d: a connection per mail %.0f mails/s, kept open %.0f mails/s"
                    + " (%.1fx)%n", round, perMail, kept, kept / perMail);
            smtp.purgeEmailFromAllMailboxes();
        }
    }

    private static double rate(JavaMailSender sender, int count) throws MessagingException {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            sender.send(mail(sender, "c" + i + "@example.com", "Offer " + i));
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
