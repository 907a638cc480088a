package com.makeitright.worker.writeback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The helpdesk ticket a complaint came from ({@code ComplaintReceived.externalReference}), kept in
 * {@link WritebackProcessor#TICKETS}. {@code noted}: the keys of the last {@value #NOTED} notes owed, so a copy of an
 * event (a dead-letter replay) or a second acknowledgement of a round owes no second note; bounded, never a history.
 */
record HelpdeskTicket(String system, String ticketId, Instant lastEventAt, List<String> noted) {

    static final int NOTED = 16;

    HelpdeskTicket {
        noted = noted == null ? List.of() : List.copyOf(noted);
    }

    boolean owes(String noteKey) {
        return !noted.contains(noteKey);
    }

    HelpdeskTicket noting(String noteKey, Instant at) {
        List<String> keys = new ArrayList<>(noted);
        keys.add(noteKey);
        while (keys.size() > NOTED) {
            keys.remove(0);
        }
        return new HelpdeskTicket(system, ticketId, at.isAfter(lastEventAt) ? at : lastEventAt, keys);
    }
}
