package com.makeitright.cli.mail;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsing the MIME text GreenMail's REST API returns, and the listing's filters and format. */
class MailListingTest {

    private static final String OFFER = String.join("\r\n",
            "Return-Path: <care@localhost>",
            "Received: from 127.0.0.1 (HELO [127.0.0.1]); Sun Dec 06 07:20:15 UTC 2026",
            "From: Make It Right <care@localhost>",
            "To: dana@customers.test",
            "Subject: What we can do (case c-1.a)",
            "Message-ID: <c-1.a.2.offer.o-7@make-it-right>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"b\"",
            "",
            "--b",
            "Content-Type: text/plain; charset=UTF-8",
            "",
            "Dear Dana,",
            "",
            "  Yes, please:  http://localhost:8080/customer/answer?token=a.b",
            "--b",
            "Content-Type: text/html; charset=UTF-8",
            "",
            "<p>Dear Dana</p><a href=\"http://localhost:8080/customer/answer?token=a.b\">Yes</a>"
                    + "<a href=\"http://localhost:8080/customer/other?x=1&amp;y=2\">Other</a>",
            "--b--",
            "");

    @Test
    void readsTheWorkersKeyFromItsMessageIdAndEveryLinkOnce() throws IOException {
        ReceivedMail mail = new MailServer("http://127.0.0.1:1").parse("dana@customers.test", OFFER);

        assertThat(mail.complaintId()).as("a complaint id with dots").isEqualTo("c-1.a");
        assertThat(mail.kind()).isEqualTo("OFFER");
        assertThat(mail.from()).isEqualTo("care@localhost");
        assertThat(mail.date()).isEqualTo(Instant.parse("2026-12-06T07:20:15Z"));
        assertThat(mail.firstLines(5)).containsExactly("Dear Dana,", "Yes, please:  http://localhost:8080/customer/answer?token=a.b");
        assertThat(mail.links()).containsExactly("http://localhost:8080/customer/answer?token=a.b",
                "http://localhost:8080/customer/other?x=1&y=2");
    }

    @Test
    void aMailThatIsNotTheWorkersHasNoComplaintAndAnHtmlOnlyMailIsReadAsText() throws IOException {
        String html = String.join("\r\n", "From: someone@else", "To: lee@customers.test", "Subject: Hi",
                "Date: Sun, 6 Dec 2026 07:20:15 +0000", "Message-ID: <123@else>", "MIME-Version: 1.0",
                "Content-Type: text/html; charset=UTF-8", "", "<p>Hello <b>Lee</b></p>", "");

        ReceivedMail mail = new MailServer("http://127.0.0.1:1").parse("lee@customers.test", html);

        assertThat(mail.complaintId()).isNull();
        assertThat(mail.kind()).isNull();
        assertThat(mail.date()).isEqualTo(Instant.parse("2026-12-06T07:20:15Z"));
        assertThat(mail.firstLines(1)).containsExactly("Hello Lee");
    }

    @Test
    void filtersAndFormats() {
        ReceivedMail first = new ReceivedMail("dana@customers.test", "care@localhost", "Sorry", Instant.EPOCH,
                "<c-1.1.acknowledgement.round-1@make-it-right>", "c-1", "ACKNOWLEDGEMENT", "Dear Dana,\n" + "x".repeat(200),
                List.of());
        ReceivedMail second = new ReceivedMail("lee@customers.test", "care@localhost", "Offer", Instant.EPOCH,
                "<c-2.1.offer.o@make-it-right>", "c-2", "OFFER", "Dear Lee,", List.of("http://a/b"));

        assertThat(MailListing.filter(List.of(first, second), "LEE@customers.test", null)).containsExactly(second);
        assertThat(MailListing.filter(List.of(first, second), null, "c-1")).containsExactly(first);
        assertThat(MailListing.filter(List.of(first, second), null, "c-")).isEmpty();
        String text = MailListing.text(List.of(first, second), 2);
        assertThat(text).startsWith("1970-01-01 00:00:00 UTC  to dana@customers.test  ACKNOWLEDGEMENT for c-1\n")
                .contains("  | " + "x".repeat(109) + "…\n", "  links:\n    http://a/b\n")
                .endsWith("2 messages, newest last.\n");
        assertThat(MailListing.json(List.of(first), 1)).contains("\"complaintId\" : \"c-1\"", "x".repeat(200));
    }
}
