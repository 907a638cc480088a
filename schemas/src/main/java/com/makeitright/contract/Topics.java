package com.makeitright.contract;

import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintContactAdded;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.ContactPreferenceChanged;
import com.makeitright.events.CustomerErased;
import com.makeitright.events.CustomerNotified;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.PreventionActionProposed;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;

import java.util.List;
import java.util.Optional;

/**
 * The one place that names the contract's topics, each with its event type and its single writer
 * (see design.md). Every other piece of code refers to these constants.
 */
public final class Topics {

    static {
        AvroTrust.install();
    }

    /** Writer: intake (new complaints and reopened rounds). */
    public static final Topic<ComplaintReceived> COMPLAINTS_RECEIVED =
            new Topic<>("complaints.received", ComplaintReceived.class);
    /**
     * Writer: intake (a customer wrote again about a case that is still open: the contact is merged into that case,
     * keyed by its complaint id, instead of opening a duplicate).
     */
    public static final Topic<ComplaintContactAdded> CONTACTS_ADDED =
            new Topic<>("complaints.contacts-added", ComplaintContactAdded.class);
    /** Writer: triage. */
    public static final Topic<ComplaintAcknowledged> COMPLAINTS_ACKNOWLEDGED =
            new Topic<>("complaints.acknowledged", ComplaintAcknowledged.class);
    /** Writer: intake (an agent approved the acknowledgement triage drafted, as drafted or edited). */
    public static final Topic<AcknowledgementApproved> ACKNOWLEDGEMENT_APPROVALS =
            new Topic<>("complaints.acknowledgement-approvals", AcknowledgementApproved.class);
    /** Writer: remedy. */
    public static final Topic<RemedyOffered> REMEDY_OFFERED =
            new Topic<>("complaints.remedy-offered", RemedyOffered.class);
    /** Writer: intake (the customer's answer). */
    public static final Topic<RemedyResponded> REMEDY_RESPONSES =
            new Topic<>("complaints.remedy-responses", RemedyResponded.class);
    /** Writer: intake (a supervisor's decision). */
    public static final Topic<RemedyApprovalDecided> APPROVALS =
            new Topic<>("complaints.approvals", RemedyApprovalDecided.class);
    /** Writer: intake (the agent or shop system reports delivery). */
    public static final Topic<RemedyFulfilled> REMEDY_FULFILLED =
            new Topic<>("complaints.remedy-fulfilled", RemedyFulfilled.class);
    /** Writer: remedy. */
    public static final Topic<ComplaintResolved> COMPLAINTS_RESOLVED =
            new Topic<>("complaints.resolved", ComplaintResolved.class);
    /** Writer: followup. */
    public static final Topic<FollowUpDue> FOLLOW_UP_DUE =
            new Topic<>("complaints.follow-up-due", FollowUpDue.class);
    /** Writer: followup-worker (a message it sent the customer, or one refused for good; never its content). */
    public static final Topic<CustomerNotified> CUSTOMER_NOTIFIED =
            new Topic<>("complaints.customer-notified", CustomerNotified.class);
    /** Writer: intake (the follow-up worker's answer). */
    public static final Topic<FollowUpCompleted> FOLLOW_UP_OUTCOMES =
            new Topic<>("complaints.follow-up-outcomes", FollowUpCompleted.class);
    /** Writer: followup. */
    public static final Topic<PreventionActionProposed> PREVENTION_ACTIONS =
            new Topic<>("complaints.prevention-actions", PreventionActionProposed.class);

    /**
     * Writer: intake (a supervisor's erasure request, or the retention of closed cases). Keyed by customer id, not
     * complaint id: the one contract topic about a customer rather than a complaint (docs/privacy.md).
     */
    public static final Topic<CustomerErased> CUSTOMERS_ERASED =
            new Topic<>("customers.erased", CustomerErased.class);

    /**
     * Writer: intake (a supervisor marks a customer do-not-contact, or lifts it). Keyed by customer id and compacted
     * ({@link #COMPACTED}): the latest event per customer is their current preference, kept as long as the customer
     * is; the follow-up worker reads it whole (docs/follow-up-worker.md).
     */
    public static final Topic<ContactPreferenceChanged> CONTACT_PREFERENCES =
            new Topic<>("customers.contact-preferences", ContactPreferenceChanged.class);

    /**
     * Not a contract topic (no event type, no dead-letter topic): the log of {@code ./complaints dlt replay}, compacted,
     * one entry per replayed dead letter keyed by its dead-letter coordinates ({@code <topic>.DLT-<partition>@<offset>}).
     * Written in the same transaction as the replayed record, so a dead letter is sent back at most once.
     */
    public static final String DEAD_LETTER_REPLAYS = "complaints.dead-letter-replays";

    /**
     * Not a contract topic (no Avro event, no dead-letter topic of its own): followup-worker's notes owed to the
     * helpdesk tickets complaints came from, as JSON, keyed by complaint id. Writer: followup-worker's stream (in the
     * transaction of the event that owed the note); readers: its own write-back consumers, one group per helpdesk.
     */
    public static final String HELPDESK_NOTES = "followup-worker.helpdesk-notes";

    /**
     * Not a contract topic (no event type, no dead-letter topic): each customer's data key, wrapped by the
     * key-encryption key, keyed by {@code <customerId>|<keyId>} (a customer may have several keys, see
     * {@code CustomerDataKeys}); compacted, a tombstone erases the customer's personal data
     * everywhere it was sealed (docs/privacy.md). Writer: intake.
     */
    public static final String CUSTOMER_DATA_KEYS = "customers.data-keys";

    /** Every contract topic, in lifecycle order. */
    public static final List<Topic<?>> ALL = List.of(
            COMPLAINTS_RECEIVED, CONTACTS_ADDED, COMPLAINTS_ACKNOWLEDGED, ACKNOWLEDGEMENT_APPROVALS, REMEDY_OFFERED, REMEDY_RESPONSES,
            APPROVALS, REMEDY_FULFILLED, COMPLAINTS_RESOLVED, FOLLOW_UP_DUE, CUSTOMER_NOTIFIED, FOLLOW_UP_OUTCOMES,
            PREVENTION_ACTIONS, CUSTOMERS_ERASED, CONTACT_PREFERENCES);

    /**
     * The contract topics that hold a current state per key rather than a history: compacted, never deleted by time
     * (their dead-letter topics are laid out like any other).
     */
    public static final List<Topic<?>> COMPACTED = List.of(CONTACT_PREFERENCES);

    private Topics() {
    }

    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The topic a dead-letter topic belongs to, e.g. {@code complaints.received.DLT}. */
    public static Optional<Topic<?>> byDeadLetterName(String name) {
        return ALL.stream().filter(t -> t.deadLetterTopic().equals(name)).findFirst();
    }

    public static <T extends org.apache.avro.specific.SpecificRecord> Topic<T> forEventType(Class<T> type) {
        for (Topic<?> topic : ALL) {
            if (topic.eventType().equals(type)) {
                @SuppressWarnings("unchecked")
                Topic<T> typed = (Topic<T>) topic;
                return typed;
            }
        }
        throw new IllegalArgumentException(type.getName() + " is not the event type of any contract topic");
    }
}
