package com.makeitright.worker.sms;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsTest {

    @Test
    void theLoggingSenderLogsAMaskedNumberAndTheLengthNeverTheNumberOrTheText() {
        Logger logger = (Logger) LoggerFactory.getLogger(LoggingSmsSender.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            SmsSender.Outcome outcome = new LoggingSmsSender().send(new SmsMessage("+44 20 7946 0018",
                    "Dana, accept here: https://intake.test/customer/answer?token=abc", "c-1.1.offer_reminder.o-1"));

            assertThat(outcome.sent()).isTrue();
            assertThat(logged.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                    .contains("**********18", "64 characters", "c-1.1.offer_reminder.o-1")
                    .doesNotContain("7946", "Dana", "token"));
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(LoggingSmsSender.mask("12")).isEqualTo("**");
        assertThat(LoggingSmsSender.mask(null)).isEqualTo("<none>");
        assertThat(new SmsMessage("+44 20 7946 0018", "secret words", "k").toString())
                .doesNotContain("7946", "secret");
    }

    @Test
    void theDefaultReminderTextIsShortAndCarriesTheCaseAndTheAcceptLink() {
        SmsTexts texts = new SmsTexts(new DefaultResourceLoader(), "classpath:mail-templates/");
        String text = texts.offerReminder(Map.of("reference", "c-1", "expiresAt", "9 December 2026, 12:00 UTC",
                "acceptUrl", "https://intake.test/customer/answer?token=abc"));

        assertThat(text).contains("c-1", "https://intake.test/customer/answer?token=abc").doesNotContain("{{");
        assertThat(text.length() - "https://intake.test/customer/answer?token=abc".length()).as("short beside the link")
                .isLessThan(160);
    }

    @Test
    void aTextWithoutTheLinkOrWithAnUnknownPlaceholderStopsTheStart(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve(SmsTexts.OFFER_REMINDER), "Case {{reference}}: answer us, {{name}}.");

        assertThatThrownBy(() -> new SmsTexts(new DefaultResourceLoader(), dir.toUri().toString()))
                .hasMessageContaining("must use {{acceptUrl}}").hasMessageContaining("unknown placeholder {{name}}");
        assertThatThrownBy(() -> new SmsTexts(new DefaultResourceLoader(), dir.resolve("none").toUri().toString()))
                .hasMessageContaining("missing");
    }
}
