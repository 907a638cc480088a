package com.makeitright.worker.notify;

import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.CustomerNotified;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.RemedyOffered;
import com.makeitright.worker.StorePurge;
import com.makeitright.worker.mail.MailDelivery;
import com.makeitright.worker.mail.MailKind;
import com.makeitright.worker.mail.MailTemplates;
import com.makeitright.worker.mail.OutgoingMail;
import com.makeitright.worker.sms.SmsMessage;
import com.makeitright.worker.sms.SmsSender;
import com.makeitright.worker.sms.SmsTexts;
import com.makeitright.events.NotificationChannel;
import com.makeitright.platform.privacy.CustomerDataKeys;
import com.makeitright.platform.privacy.PersonalData;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends each mail a complaint's events owe its customer, once. Per event: the notice it owes (if any), its key
 * (complaint, round, kind, offer) looked up in the sent-log, the mail sent through SMTP, the key written to the
 * sent-log. Under exactly-once the sent-log write commits with the consumed offsets, so an event whose mail was sent
 * and committed is never mailed again: not after a restart, a rebalance, nor for a duplicate or replayed copy.
 * <p>
 * The window (SMTP cannot join a Kafka transaction): between the SMTP server taking a mail and the commit of the
 * transaction holding its sent-log entry. A crash there, or a later record of the same transaction failing (which
 * aborts it), replays the event and the mail goes again, with the same Message-ID. That window is bounded twice:
 * by the commit interval, and by a commit requested after every {@code sendsPerCommit} sends. Not after every send:
 * Kafka Streams then commits its transaction after every record, one broker round-trip per mail, and the worker
 * fell behind the rest of the system (docs/follow-up-worker.md has the measurement). The worker chose
 * at-least-once over at-most-once: a lost offer costs a customer their answer, a rare second copy costs a moment.
 * <p>
 * Each mail sent or refused for good is also forwarded as a {@code CustomerNotified} (to
 * {@code complaints.customer-notified}) in the same transaction as its sent-log entry; a duplicate, a held
 * acknowledgement, a customer without an address and a mail waiting for its contact forward nothing. Mails to the
 * team's inbox (escalations, call tasks) go through the same sent-log, once per key, and forward nothing either.
 * <p>
 * The channel is {@link Routes}' rule: e-mail, an SMS for the reminder of a customer who gave a phone too, a call task
 * for one who gave only a phone. A customer marked do-not-contact ({@link ContactPreferences}) is sent nothing on any
 * channel: each message they would have had is written to the sent-log as {@code SUPPRESSED} and forwarded as a
 * {@code CustomerNotified SUPPRESSED} (once per key while the mark holds). Team mails about their cases still go.
 */
final class NotificationProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private static final Logger log = LoggerFactory.getLogger(NotificationProcessor.class);
    static final String MAILS = "makeitright.worker.mails";

    record Retention(Duration sentLog, Duration contacts, Duration purgeInterval, int purgeBatch) {
    }

    /** The SMS channel: where texts go, their wording, and whether reminders are texted at all. */
    record Texting(SmsSender sender, SmsTexts texts, boolean enabled) {
    }

    private final int sendsPerCommit;
    private int sendsSinceCommitRequest;
    /** The team's inbox; blank: no team mail (escalations and call tasks are then only on the dashboard). */
    private final String inbox;

    private final Notices notices;
    private final MailTemplates templates;
    private final MailDelivery delivery;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Retention retention;
    private final PersonalData personalData;
    private final Texting texting;
    private KeyValueStore<String, byte[]> dataKeys;
    private KeyValueStore<String, ContactPreferences.DoNotContact> preferences;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, SentEntry> sentLog;
    private KeyValueStore<String, ContactCard> contacts;
    private KeyValueStore<String, Notice> pending;
    private KeyValueStore<String, OpenOffer> openOffers;

    NotificationProcessor(Notices notices, MailTemplates templates, MailDelivery delivery, Clock clock,
                          MeterRegistry meters, Retention retention, int sendsPerCommit, PersonalData personalData,
                          String inbox, Texting texting) {
        if (sendsPerCommit < 1) {
            throw new IllegalArgumentException("sendsPerCommit must be at least 1: " + sendsPerCommit);
        }
        this.sendsPerCommit = sendsPerCommit;
        this.inbox = inbox;
        this.notices = notices;
        this.templates = templates;
        this.delivery = delivery;
        this.clock = clock;
        this.meters = meters;
        this.retention = retention;
        this.personalData = personalData;
        this.texting = texting;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        sentLog = context.getStateStore(WorkerStores.SENT_LOG);
        contacts = context.getStateStore(WorkerStores.CONTACTS);
        pending = context.getStateStore(WorkerStores.PENDING);
        dataKeys = context.getStateStore(CustomerDataKeys.STORE);
        openOffers = context.getStateStore(WorkerStores.OPEN_OFFERS);
        preferences = context.getStateStore(ContactPreferences.STORE);
        context.schedule(retention.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, now -> purge());
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        String complaintId = record.key();
        if (complaintId == null) {
            return;
        }
        SpecificRecord event = record.value();
        if (event instanceof ComplaintReceived received) {
            remember(received);
        } else if (event instanceof ComplaintAcknowledged acknowledged) {
            touch(complaintId, acknowledged.getOccurredAt());
            Optional<Notice> notice = notices.of(acknowledged);
            if (notice.isPresent()) {
                handle(notice.get());
            } else {
                count("ACKNOWLEDGEMENT", "held_for_review"); // mailed when an agent approves it
            }
        } else if (event instanceof AcknowledgementApproved approved) {
            touch(complaintId, approved.getOccurredAt());
            handle(notices.of(approved));
        } else if (event instanceof RemedyOffered offer) {
            touch(complaintId, offer.getOccurredAt());
            notices.of(offer).ifPresent(notice -> {
                openOffers.put(offerKey(complaintId, offer.getOfferId()), new OpenOffer(notice, offer.getExpiresAt()));
                handle(notice);
            });
        } else if (event instanceof FollowUpDue due) {
            touch(complaintId, due.getOccurredAt());
            switch (due.getKind()) {
                case SATISFACTION_CHECK -> notices.of(due).ifPresent(this::handle);
                case OFFER_REMINDER -> remind(due);
                case PROMISE_BREACHED, APPROVAL_OVERDUE, ACKNOWLEDGEMENT_OVERDUE ->
                        notices.escalation(due).ifPresent(this::toTeam);
                default -> {
                    // SATISFACTION_NO_ANSWER closes a check: nothing to write
                }
            }
        }
    }

    private void remember(ComplaintReceived received) {
        String complaintId = received.getComplaintId();
        ContactCard known = contacts.get(complaintId);
        Instant at = received.getOccurredAt();
        if (known == null || !at.isBefore(known.lastEventAt())) { // the latest round's contact wins
            var customer = received.getCustomer();
            contacts.put(complaintId, new ContactCard(customer.getName(), customer.getEmail(), customer.getPhone(),
                    received.getSubject(), at, customer.getId(), sealed(customer.getSealed())));
        }
        List<Notice> waiting = new ArrayList<>();
        try (KeyValueIterator<String, Notice> entries = pending.prefixScan(complaintId + '|',
                new org.apache.kafka.common.serialization.StringSerializer())) {
            entries.forEachRemaining(entry -> waiting.add(entry.value));
        }
        for (Notice notice : waiting) {
            pending.delete(notice.sentKey());
            handle(notice);
        }
    }

    private static byte[] sealed(java.nio.ByteBuffer sealed) {
        if (sealed == null) {
            return null;
        }
        byte[] bytes = new byte[sealed.remaining()];
        sealed.duplicate().get(bytes);
        return bytes;
    }

    private static String offerKey(String complaintId, String offerId) {
        return complaintId + '|' + offerId;
    }

    /** The offer's mail again, once; an offer unknown here (never OPEN, or expired and purged) is not reminded. */
    private void remind(FollowUpDue due) {
        OpenOffer open = due.getOfferId() == null ? null : openOffers.get(offerKey(due.getComplaintId(), due.getOfferId()));
        if (open == null || !open.expiresAt().isAfter(clock.instant())) {
            count(MailKind.OFFER_REMINDER.name(), "offer_gone");
            log.info("No reminder for offer {} of complaint {}: the worker does not know it open", due.getOfferId(),
                    due.getComplaintId());
            return;
        }
        handle(notices.reminder(due, open.offer()));
    }

    private void touch(String complaintId, Instant at) {
        ContactCard known = contacts.get(complaintId);
        if (known != null && at.isAfter(known.lastEventAt())) {
            contacts.put(complaintId, known.touched(at));
        }
    }

    private void handle(Notice notice) {
        String key = notice.sentKey();
        SentEntry sent = sentLog.get(key);
        if (sent != null && sent.blocksResend()) {
            count(notice.kind().name(), "duplicate");
            return;
        }
        ContactCard stored = contacts.get(notice.complaintId());
        // opened for this mail only; an erased customer's card opens without an address
        ContactCard contact = stored == null || stored.sealed() == null ? stored
                : stored.opened(personalData,
                CustomerDataKeys.keyFor(dataKeys, stored.customerId(), stored.sealed()));
        if (contact == null) { // the event overtook the complaint's ComplaintReceived (cross-topic order)
            Notice waiting = pending.get(key);
            // One mail per key: an agent's approved words win over triage's unreviewed draft, whichever came first.
            if (waiting == null || waiting.approvedBy() == null || notice.approvedBy() != null) {
                pending.put(key, notice);
            }
            return;
        }
        Routes.Route route = Routes.of(notice.kind(), contact.hasEmail(), contact.hasPhone(), texting.enabled(),
                inbox != null && !inbox.isBlank());
        if (route == Routes.Route.NONE) {
            count(notice.kind().name(), "no_address");
            return;
        }
        if (ContactPreferences.doNotContact(preferences, contact.customerId())) {
            suppress(notice, contact, route);
            return;
        }
        switch (route) {
            case CALL_TASK -> notices.callTask(notice, contact).ifPresent(this::toTeam); // no phone gateway: an agent calls
            case SMS -> text(notice, contact);
            default -> mail(notice, contact);
        }
    }

    private void mail(Notice notice, ContactCard contact) {
        Map<String, String> values = new HashMap<>(notice.values());
        values.put("customerName", contact.name());
        values.put("reference", notice.complaintId());
        values.putIfAbsent("complaintSubject", contact.subject());
        SentEntry entry = send(notice, templates.render(notice.kind(), contact.email(), notice.messageId(), values));
        // The contract's record of it, in the transaction of the sent-log entry: published once it commits.
        forward(notice, Notifications.of(notice, contact, entry));
    }

    /**
     * The reminder by SMS, once per key like its mail (the same sent-log key: a customer gets the reminder by one
     * channel). A sender that throws fails the record: the platform retries it and dead-letters it after its bound.
     */
    private void text(Notice notice, ContactCard contact) {
        Map<String, String> values = new HashMap<>(notice.values());
        values.put("customerName", contact.name());
        values.put("reference", notice.complaintId());
        String id = notice.messageId().substring(1, notice.messageId().length() - 1);
        SmsSender.Outcome outcome = texting.sender().send(new SmsMessage(contact.phone(),
                texting.texts().offerReminder(values), id));
        SentEntry entry = record(notice, outcome.sent(), outcome.reason(), notice.kind().name() + "_SMS");
        forward(notice, Notifications.of(notice, contact, entry, NotificationChannel.SMS));
    }

    /**
     * Nothing to a customer marked do-not-contact: the message is written to the sent-log as {@code SUPPRESSED} and
     * recorded as such, once while the mark holds (a copy of the event adds nothing); once it is lifted, a copy would
     * be sent (a suppressed entry does not block a send).
     */
    private void suppress(Notice notice, ContactCard contact, Routes.Route route) {
        SentEntry sent = sentLog.get(notice.sentKey());
        if (sent != null && sent.outcome() == SentEntry.Outcome.SUPPRESSED) {
            count(notice.kind().name(), "duplicate");
            return;
        }
        SentEntry entry = new SentEntry(SentEntry.Outcome.SUPPRESSED, clock.instant(), "do not contact");
        sentLog.put(notice.sentKey(), entry);
        count(notice.kind().name(), "suppressed");
        log.info("Message {} of complaint {} not sent: the customer is marked do-not-contact", notice.sentKey(),
                notice.complaintId());
        NotificationChannel channel = switch (route) {
            case SMS -> NotificationChannel.SMS;
            case CALL_TASK -> NotificationChannel.PHONE;
            default -> NotificationChannel.EMAIL;
        };
        forward(notice, Notifications.of(notice, contact, entry, channel));
    }

    private void forward(Notice notice, CustomerNotified notified) {
        context.forward(new Record<>(notice.complaintId(), notified, notified.getOccurredAt().toEpochMilli()));
    }

    /**
     * A mail to the team's inbox, once per key like any mail (the sent-log); not a {@code CustomerNotified}: no
     * customer was written to.
     */
    private void toTeam(Notice notice) {
        SentEntry sent = sentLog.get(notice.sentKey());
        if (sent != null && sent.blocksResend()) {
            count(notice.kind().name(), "duplicate");
            return;
        }
        Map<String, String> values = new HashMap<>(notice.values());
        values.put("reference", notice.complaintId());
        send(notice, templates.render(notice.kind(), inbox, notice.messageId(), values));
    }

    /** Hands the mail to SMTP and writes the sent-log entry. */
    private SentEntry send(Notice notice, OutgoingMail mail) {
        MailDelivery.Outcome outcome = delivery.deliver(mail); // throws MailUnavailable after its retries
        return record(notice, outcome.sent(), outcome.reason(), notice.kind().name());
    }

    /** Writes the sent-log entry of a message handed over; every {@code sendsPerCommit} sends, asks for a commit. */
    private SentEntry record(Notice notice, boolean sent, String reason, String meterKind) {
        String key = notice.sentKey();
        Instant now = clock.instant();
        SentEntry entry;
        if (sent) {
            entry = new SentEntry(SentEntry.Outcome.SENT, now, null);
            count(meterKind, "sent");
        } else {
            entry = new SentEntry(SentEntry.Outcome.REJECTED, now, reason);
            count(meterKind, "rejected");
            log.warn("Message {} of complaint {} refused for good: {}", key, notice.complaintId(), reason);
        }
        sentLog.put(key, entry);
        // A later record's failure aborts the open transaction and every send in it goes again: bound how many.
        if (++sendsSinceCommitRequest >= sendsPerCommit) {
            sendsSinceCommitRequest = 0;
            context.commit();
        }
        return entry;
    }

    /** Bounded state: each store loses what is older than its retention, at most a batch per store and run. */
    private void purge() {
        Instant now = clock.instant();
        StorePurge.purge(sentLog, retention.purgeBatch(), entry -> entry.at().isBefore(now.minus(retention.sentLog())));
        StorePurge.purge(contacts, retention.purgeBatch(),
                card -> card.lastEventAt().isBefore(now.minus(retention.contacts())));
        StorePurge.purge(pending, retention.purgeBatch(), notice -> notice.at().isBefore(now.minus(retention.contacts())));
        // its links no longer work: nothing to remind
        StorePurge.purge(openOffers, retention.purgeBatch(), open -> !open.expiresAt().isAfter(now));
    }

    private void count(String kind, String outcome) {
        meters.counter(MAILS, "kind", kind, "outcome", outcome).increment();
    }
}
