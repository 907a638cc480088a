package com.makeitright.followup.schedule;

import com.makeitright.events.Anger;
import com.makeitright.events.Channel;
import com.makeitright.events.Contact;
import com.makeitright.events.FollowUpDue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Turns a check that came due into the {@code FollowUpDue} event, with the customer's contact details. */
final class FollowUpMessages {

    private FollowUpMessages() {
    }

    /**
     * The event id is derived from the check's key: a check fires once, and should a consumer ever see it
     * twice (it cannot under exactly-once, but a replay of the topic can), it can tell.
     */
    static String dueEventId(FollowUp followUp) {
        return UUID.nameUUIDFromBytes(("FollowUpDue|" + followUp.key().asString()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static FollowUpDue due(FollowUp followUp, ComplaintFile file, Instant now) {
        return FollowUpDue.newBuilder()
                .setEventId(dueEventId(followUp))
                .setComplaintId(followUp.complaintId())
                .setOccurredAt(now)
                .setCausationId(followUp.causationId())
                .setRound(followUp.round())
                .setKind(followUp.kind())
                .setDueAt(followUp.dueAt())
                .setContact(contact(file))
                .setReason(followUp.reason())
                .setOfferId(followUp.offerId())
                .build();
    }

    /**
     * How to reach the customer. A heated customer is reached in writing when we can (triage's advice moves
     * shouting calls to e-mail); otherwise on the channel they complained on when we can reach them there.
     */
    static Contact contact(ComplaintFile file) {
        CustomerContact known = file == null ? null : file.contact();
        if (known == null) {
            String customer = file == null || file.customerId() == null ? "unknown" : file.customerId();
            return Contact.newBuilder()
                    .setName("(no contact details received; customer " + customer + ")")
                    .setEmail(null).setPhone(null).setPreferredChannel(Channel.OTHER).build();
        }
        return Contact.newBuilder()
                .setName(known.name()).setEmail(known.email()).setPhone(known.phone())
                .setSealed(known.sealed() == null ? null : java.nio.ByteBuffer.wrap(known.sealed()))
                .setPreferredChannel(preferredChannel(known, file.anger()))
                .build();
    }

    static Channel preferredChannel(CustomerContact contact, Anger anger) {
        boolean email = contact.email() != null && !contact.email().isBlank();
        boolean phone = contact.phone() != null && !contact.phone().isBlank();
        boolean heated = anger == Anger.ANGRY || anger == Anger.HOSTILE;
        if (heated && email) {
            return Channel.EMAIL;
        }
        if (contact.complaintChannel() == Channel.PHONE && phone) {
            return Channel.PHONE;
        }
        if (contact.complaintChannel() == Channel.EMAIL && email) {
            return Channel.EMAIL;
        }
        if (email) {
            return Channel.EMAIL;
        }
        return phone ? Channel.PHONE : contact.complaintChannel();
    }
}
