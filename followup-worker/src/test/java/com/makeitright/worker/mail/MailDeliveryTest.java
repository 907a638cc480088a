package com.makeitright.worker.mail;

import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailDeliveryTest {

    private final OutgoingMail mail = new OutgoingMail("a@example.com", "Subject", "text", "<p>html</p>", "<x@y>");
    private final List<Duration> pauses = new ArrayList<>();

    /** An SMTP server that answers each send with the next of the given failures (null: taken). */
    private static JavaMailSenderImpl server(List<RuntimeException> answers, List<MimeMessage> sent) {
        return new JavaMailSenderImpl() {
            int call;

            @Override
            public void send(MimeMessage... messages) {
                RuntimeException answer = call < answers.size() ? answers.get(call) : null;
                call++;
                if (answer != null) {
                    throw answer;
                }
                sent.addAll(List.of(messages));
            }

            @Override
            public MimeMessage createMimeMessage() {
                return new MimeMessage(Session.getInstance(new Properties()));
            }
        };
    }

    private MailDelivery delivery(JavaMailSenderImpl server) {
        return new MailDelivery(server, "care@example.com", null, 3, Duration.ofSeconds(1), Duration.ofSeconds(1),
                pauses::add);
    }

    @Test
    void aTransientFailureIsRetriedWithBackoffAndTheMailKeepsItsDerivedMessageId() throws Exception {
        List<MimeMessage> sent = new ArrayList<>();
        MailDelivery.Outcome outcome = delivery(server(List.of(new MailSendException("connection refused")), sent))
                .deliver(mail);
        assertThat(outcome.sent()).isTrue();
        assertThat(pauses).containsExactly(Duration.ofSeconds(1));
        sent.get(0).saveChanges();
        assertThat(sent.get(0).getHeader("Message-ID")).containsExactly("<x@y>");
    }

    @Test
    void afterTheLastAttemptTheFailureIsThrownSoNothingIsMarkedSent() {
        MailSendException down = new MailSendException("connection refused");
        assertThatThrownBy(() -> delivery(server(List.of(down, down, down), new ArrayList<>())).deliver(mail))
                .isInstanceOf(MailDelivery.MailUnavailable.class).hasMessageContaining("after 3 attempts");
        assertThat(pauses).hasSize(2);
    }

    @Test
    void aRefusedAddressIsPermanentAndNotRetried() throws Exception {
        SendFailedException refused = new SendFailedException("550 no such user", null, null, null,
                new InternetAddress[]{new InternetAddress("a@example.com")});
        MailSendException failure = new MailSendException(Map.of(new Object(), refused));
        MailDelivery.Outcome outcome = delivery(server(List.of(failure), new ArrayList<>())).deliver(mail);
        assertThat(outcome.sent()).isFalse();
        assertThat(outcome.reason()).contains("refused the address");
        assertThat(pauses).isEmpty();
    }
}
