package com.makeitright.worker.notify;

import com.makeitright.events.CustomerNotified;
import com.makeitright.events.NotificationChannel;
import com.makeitright.events.NotificationKind;
import com.makeitright.events.NotificationOutcome;
import com.makeitright.worker.mail.MailKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationsTest {

    static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    static final ContactCard DANA = new ContactCard("Dana Reyes", "Dana.Reyes@customers.test", null, "Broken mug", AT);

    @Test
    void aSentOfferNamesItsCauseKindAndOfferButNoPersonalData() {
        Notice offer = new Notice(MailKind.OFFER, "c-1", 2, "offer-7", Map.of("offerDescription", "A new mug"), AT,
                "event-9");
        CustomerNotified sent = Notifications.of(offer, DANA, new SentEntry(SentEntry.Outcome.SENT, AT, null));

        assertThat(sent.getComplaintId()).isEqualTo("c-1");
        assertThat(sent.getCausationId()).isEqualTo("event-9");
        assertThat(sent.getRound()).isEqualTo(2);
        assertThat(sent.getKind()).isEqualTo(NotificationKind.OFFER);
        assertThat(sent.getChannel()).isEqualTo(NotificationChannel.EMAIL);
        assertThat(sent.getOutcome()).isEqualTo(NotificationOutcome.SENT);
        assertThat(sent.getOfferId()).isEqualTo("offer-7");
        assertThat(sent.getReason()).isNull();
        assertThat(sent.getOccurredAt()).isEqualTo(AT);
        assertThat(sent.toString()).doesNotContain("Dana", "customers.test", "A new mug");
    }

    @Test
    void aSuppressedReminderIsRecordedWithTheChannelItWouldHaveTakenAndNoPersonalData() {
        Notice reminder = new Notice(MailKind.OFFER_REMINDER, "c-1", 1, "offer-7", Map.of("offerDescription", "A mug"),
                AT, "due-3");
        CustomerNotified suppressed = Notifications.of(reminder, DANA,
                new SentEntry(SentEntry.Outcome.SUPPRESSED, AT, "do not contact"), NotificationChannel.SMS);

        assertThat(suppressed.getOutcome()).isEqualTo(NotificationOutcome.SUPPRESSED);
        assertThat(suppressed.getChannel()).isEqualTo(NotificationChannel.SMS);
        assertThat(suppressed.getKind()).isEqualTo(NotificationKind.OFFER);
        assertThat(suppressed.getOfferId()).isEqualTo("offer-7");
        assertThat(suppressed.getReason()).isEqualTo("do not contact");
        assertThat(suppressed.getEventId()).isNotEqualTo(Notifications.of(reminder, DANA,
                new SentEntry(SentEntry.Outcome.SENT, AT, null)).getEventId());
        assertThat(suppressed.toString()).doesNotContain("Dana", "customers.test", "A mug");
    }

    @Test
    void anAcknowledgementCarriesNoOfferAndEachAttemptItsOwnEventId() {
        Notice ack = new Notice(MailKind.ACKNOWLEDGEMENT, "c-1", 1, Notices.ACKNOWLEDGEMENT_SUBJECT, Map.of(), AT,
                "event-1");
        SentEntry sent = new SentEntry(SentEntry.Outcome.SENT, AT, null);
        CustomerNotified first = Notifications.of(ack, DANA, sent);

        assertThat(first.getKind()).isEqualTo(NotificationKind.ACKNOWLEDGEMENT);
        assertThat(first.getOfferId()).isNull();
        assertThat(Notifications.of(ack, DANA, sent).getEventId()).isEqualTo(first.getEventId());
        assertThat(Notifications.of(ack, DANA, new SentEntry(SentEntry.Outcome.REJECTED, AT, "550")).getEventId())
                .isNotEqualTo(first.getEventId());
        assertThat(Notifications.of(ack, DANA, new SentEntry(SentEntry.Outcome.REJECTED, AT.plusSeconds(1), "550"))
                .getEventId()).isNotEqualTo(Notifications.of(ack, DANA,
                        new SentEntry(SentEntry.Outcome.REJECTED, AT, "550")).getEventId());
    }

    @Test
    void everyCustomerMailIsANotificationKindOfTheSameNameAndAReminderIsAboutItsOffer() {
        for (MailKind kind : MailKind.values()) {
            if (kind == MailKind.OFFER_REMINDER) {
                assertThat(Notifications.kind(kind)).isEqualTo(NotificationKind.OFFER);
            } else if (kind.toCustomer()) {
                assertThat(Notifications.kind(kind).name()).isEqualTo(kind.name());
            }
        }
        Notice reminder = new Notice(MailKind.OFFER_REMINDER, "c-1", 1, "offer-1", Map.of(), AT, "due-1");
        CustomerNotified notified = Notifications.of(reminder, DANA, new SentEntry(SentEntry.Outcome.SENT, AT, null));
        assertThat(notified.getOfferId()).isEqualTo("offer-1");
        assertThat(notified.getCausationId()).isEqualTo("due-1");
    }

    @Test
    void aRefusalLosesTheAddressAndTheNameButKeepsTheServersWords() {
        Notice check = new Notice(MailKind.SATISFACTION_CHECK, "c-1", 1, "check", Map.of(), AT, "event-2");
        String answer = "the server refused the address: 550 5.1.1 <dana.reyes@CUSTOMERS.test>: Recipient address "
                + "rejected: user unknown (Dana Reyes, also reyes@old.example)";
        CustomerNotified refused = Notifications.of(check, DANA,
                new SentEntry(SentEntry.Outcome.REJECTED, AT, answer));

        assertThat(refused.getOutcome()).isEqualTo(NotificationOutcome.REJECTED);
        assertThat(refused.getReason())
                .contains("550 5.1.1", "Recipient address rejected: user unknown", Notifications.ADDRESS_OMITTED,
                        Notifications.NAME_OMITTED)
                .doesNotContainIgnoringCase("dana").doesNotContainIgnoringCase("reyes")
                .doesNotContain("@");
    }

    @Test
    void aLongRefusalIsCutAndAMissingOneSaysRefused() {
        String longAnswer = "550 " + "x".repeat(2000);
        assertThat(Notifications.scrub(longAnswer, DANA)).hasSize(Notifications.MAX_REASON);
        assertThat(Notifications.scrub(null, DANA)).isEqualTo("refused");
        assertThat(Notifications.scrub("550 no such user <a@b.test>", null)).isEqualTo("550 no such user <<address>>");
        assertThat(Notifications.scrub("21211 Invalid 'To' number +44 20 7946-0018 (landline)", DANA))
                .isEqualTo("21211 Invalid 'To' number <number> (landline)");
    }
}
