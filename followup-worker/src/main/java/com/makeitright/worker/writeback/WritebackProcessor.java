package com.makeitright.worker.writeback;

import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ExternalReference;
import com.makeitright.events.RemedyOffered;
import com.makeitright.worker.StorePurge;
import com.makeitright.worker.WorkerProperties;
import com.makeitright.worker.notify.WorkerStores;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides, in the worker's exactly-once stream, which notes the helpdesk tickets are owed: the join of a complaint's
 * acknowledgement and offers with the ticket its {@code ComplaintReceived} came from. A note is forwarded (to
 * {@code followup-worker.helpdesk-notes}) in the transaction of the event that owed it, so each event owes exactly one
 * note record, also across restarts. An event that overtook its {@code ComplaintReceived} (cross-topic order) waits in
 * {@link #PENDING}; whether a complaint was received at all is the worker's contact store's to say.
 */
final class WritebackProcessor implements Processor<String, SpecificRecord, String, HelpdeskNote> {

    /** Complaint id → {@link HelpdeskTicket}, only for complaints from an enabled helpdesk. */
    static final String TICKETS = "worker-helpdesk-tickets";
    /** {@code <complaint>|<event id>} → a note waiting for its complaint's {@code ComplaintReceived}. */
    static final String PENDING = "worker-helpdesk-pending";

    private final Set<String> systems;
    private final WorkerProperties.Acknowledgement rule;
    private final NoteTexts texts;
    private final WorkerProperties.Retention retention;
    private final Clock clock;
    private KeyValueStore<String, HelpdeskTicket> tickets;
    private KeyValueStore<String, HelpdeskNote> pending;
    private KeyValueStore<String, Object> contacts;
    private ProcessorContext<String, HelpdeskNote> context;

    WritebackProcessor(Set<String> systems, WorkerProperties.Acknowledgement rule, NoteTexts texts,
                       WorkerProperties.Retention retention, Clock clock) {
        this.systems = systems;
        this.rule = rule;
        this.texts = texts;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, HelpdeskNote> context) {
        this.context = context;
        tickets = context.getStateStore(TICKETS);
        pending = context.getStateStore(PENDING);
        contacts = context.getStateStore(WorkerStores.CONTACTS);
        context.schedule(retention.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, now -> purge());
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.key() == null) {
            return;
        }
        SpecificRecord event = record.value();
        if (event instanceof ComplaintReceived received) {
            received(received);
        } else if (event instanceof ComplaintAcknowledged acknowledged) {
            if (rule.sendsUnreviewed(acknowledged)) { // else the note comes with the approved words, as the mail does
                owe(texts.acknowledgement(acknowledged));
            }
        } else if (event instanceof AcknowledgementApproved approved) {
            owe(texts.acknowledgement(approved));
        } else if (event instanceof RemedyOffered offer) {
            owe(texts.offer(offer));
        }
    }

    private void received(ComplaintReceived received) {
        String complaintId = received.getComplaintId();
        ExternalReference reference = received.getExternalReference();
        HelpdeskTicket ticket = tickets.get(complaintId);
        if (reference != null && systems.contains(reference.getSystem())) {
            Instant at = received.getOccurredAt();
            if (ticket == null) {
                ticket = new HelpdeskTicket(reference.getSystem(), reference.getTicketId(), at, List.of());
            } else if (!at.isBefore(ticket.lastEventAt())) { // a reopened round keeps what was noted
                ticket = new HelpdeskTicket(reference.getSystem(), reference.getTicketId(), at, ticket.noted());
            }
            tickets.put(complaintId, ticket);
        }
        List<HelpdeskNote> waiting = new ArrayList<>();
        try (KeyValueIterator<String, HelpdeskNote> entries = pending.prefixScan(complaintId + '|',
                new StringSerializer())) {
            entries.forEachRemaining(entry -> waiting.add(entry.value));
        }
        for (HelpdeskNote note : waiting) {
            pending.delete(complaintId + '|' + note.eventId());
            if (ticket != null) {
                ticket = post(ticket, note);
            }
        }
    }

    private void owe(HelpdeskNote note) {
        HelpdeskTicket ticket = tickets.get(note.complaintId());
        if (ticket != null) {
            post(ticket, note);
        } else if (contacts.get(note.complaintId()) == null) { // not received yet: wait for it
            pending.put(note.complaintId() + '|' + note.eventId(), note);
        } // else received, and not from an enabled helpdesk: nothing to write back
    }

    private HelpdeskTicket post(HelpdeskTicket ticket, HelpdeskNote note) {
        if (!ticket.owes(note.noteKey())) {
            return ticket; // a copy of the event, or the round's acknowledgement was already noted
        }
        HelpdeskTicket noted = ticket.noting(note.noteKey(), note.at());
        tickets.put(note.complaintId(), noted);
        context.forward(new Record<>(note.complaintId(), note.on(noted), clock.millis()));
        return noted;
    }

    /** Bounded state: a ticket goes {@code retention.contacts} after its last note, as a contact does. */
    private void purge() {
        Instant oldest = clock.instant().minus(retention.contacts());
        StorePurge.purge(tickets, retention.purgeBatch(), ticket -> ticket.lastEventAt().isBefore(oldest));
        StorePurge.purge(pending, retention.purgeBatch(), note -> note.at().isBefore(oldest));
    }
}
