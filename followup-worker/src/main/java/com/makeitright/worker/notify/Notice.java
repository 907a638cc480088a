package com.makeitright.worker.notify;

import com.makeitright.worker.mail.MailKind;

import java.time.Instant;
import java.util.Map;

/**
 * A mail the worker owes a customer, before the contact is known: what it is ({@code kind}, and the offer it is about
 * as {@code subjectId}), for which complaint and round, and the template values taken from the event (answer links
 * included). Kept in {@link WorkerStores#PENDING} when the event overtook the complaint's {@code ComplaintReceived}.
 * {@code approvedBy}: the agent who approved an acknowledgement's words; null for a mail that needs no review.
 * {@code causationId}: the event that owed the mail, named by its {@code CustomerNotified}; null in a notice kept
 * before the worker recorded it.
 */
record Notice(MailKind kind, String complaintId, int round, String subjectId, Map<String, String> values,
              Instant at, String approvedBy, String causationId) {

    Notice(MailKind kind, String complaintId, int round, String subjectId, Map<String, String> values, Instant at,
           String causationId) {
        this(kind, complaintId, round, subjectId, values, at, null, causationId);
    }

    /** The idempotency key: one mail per complaint, round, kind and offer (for an acknowledgement, the round). */
    String sentKey() {
        return complaintId + '|' + round + '|' + kind.name() + '|' + subjectId;
    }

    /** A Message-ID derived from the same key, the same for any copy of this mail. */
    String messageId() {
        return "<" + complaintId + "." + round + "." + kind.name().toLowerCase() + "." + subjectId
                + "@make-it-right>";
    }
}
