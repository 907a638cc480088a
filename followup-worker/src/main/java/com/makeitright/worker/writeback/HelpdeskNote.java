package com.makeitright.worker.writeback;

import java.time.Instant;

/**
 * A note owed to the helpdesk ticket a complaint came from, as the worker's stream decided it and its write-back
 * consumers post it ({@code followup-worker.helpdesk-notes}, JSON). {@code system} and {@code ticketId} are null while
 * the note waits for the complaint's {@code ComplaintReceived} in {@link WritebackProcessor#PENDING}.
 * {@code eventId} is the event that owed it: the note's idempotency hint, in its text and its delivery id.
 */
record HelpdeskNote(String system, String ticketId, String complaintId, int round, String eventId, Kind kind,
                    String text, Instant at) {

    enum Kind { ACKNOWLEDGEMENT, OFFER }

    HelpdeskNote on(HelpdeskTicket ticket) {
        return new HelpdeskNote(ticket.system(), ticket.ticketId(), complaintId, round, eventId, kind, text, at);
    }

    /** One note per offer event, one acknowledgement note per round (the unreviewed draft or the approved words). */
    String noteKey() {
        return kind == Kind.OFFER ? eventId : "ack|" + round;
    }

    /** Stable for every attempt and every copy: the system and the event that owed the note. */
    String deliveryId() {
        return system + ":" + eventId;
    }
}
