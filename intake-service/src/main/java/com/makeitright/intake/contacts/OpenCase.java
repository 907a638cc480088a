package com.makeitright.intake.contacts;

import com.makeitright.events.ComplaintReceived;

import java.util.List;

/**
 * A customer's case that is still open, as much of it as matching a new contact needs: what identifies the matter
 * (order, helpdesk ticket, the subject's words) and when the customer last wrote about it. Bounded: the signature
 * holds at most {@link ContactRule#MAX_WORDS} words.
 */
public record OpenCase(String complaintId, String customerId, String orderId, String externalSystem,
                       String externalTicketId, List<String> subjectWords, long openedAt, long lastContactAt) {

    public OpenCase {
        subjectWords = subjectWords == null ? List.of() : List.copyOf(subjectWords);
    }

    /** The case a complaint opens (or a reopened round opens again); null when it names no customer. */
    public static OpenCase of(ComplaintReceived received) {
        String customerId = customerId(received);
        if (customerId == null) {
            return null;
        }
        long at = received.getOccurredAt().toEpochMilli();
        return new OpenCase(received.getComplaintId(), customerId,
                received.getOrder() == null ? null : received.getOrder().getId(),
                received.getExternalReference() == null ? null : received.getExternalReference().getSystem(),
                received.getExternalReference() == null ? null : received.getExternalReference().getTicketId(),
                ContactRule.words(received.getSubject()), at, at);
    }

    /** The customer a complaint is from; null when it names none (nothing to match it by). */
    public static String customerId(ComplaintReceived received) {
        String id = received.getCustomer() == null ? null : received.getCustomer().getId();
        return id == null || id.isBlank() ? null : id;
    }

    public OpenCase contactedAt(long at) {
        return new OpenCase(complaintId, customerId, orderId, externalSystem, externalTicketId, subjectWords, openedAt,
                Math.max(lastContactAt, at));
    }
}
