package com.makeitright.triage.stream;

import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.triage.acknowledge.Triage;
import com.makeitright.triage.acknowledge.TriageDecision;
import com.makeitright.triage.classify.History;
import com.makeitright.triage.memory.ComplaintSeen;
import com.makeitright.triage.memory.CustomerMemory;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Clock;

/**
 * Acknowledges each complaint round once: reads the customer's memory (records arrive keyed by customer id),
 * triages with it, emits the acknowledgement keyed by complaint id, then remembers the complaint and the
 * complaint's trace (its acknowledged round). Store writes and the output commit in one exactly-once transaction.
 */
final class TriageProcessor implements Processor<String, ComplaintReceived, String, ComplaintAcknowledged> {

    private final Triage triage;
    private final Clock clock;
    private ProcessorContext<String, ComplaintAcknowledged> context;
    private KeyValueStore<String, CustomerMemory> memory;
    private ComplaintsSeen complaintsSeen;

    TriageProcessor(Triage triage, Clock clock) {
        this.triage = triage;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, ComplaintAcknowledged> context) {
        this.context = context;
        this.memory = context.getStateStore(TriageTopology.MEMORY_STORE);
        WindowStore<String, ComplaintSeen> seen = context.getStateStore(TriageTopology.SEEN_STORE);
        this.complaintsSeen = new ComplaintsSeen(seen);
    }

    @Override
    public void process(Record<String, ComplaintReceived> record) {
        ComplaintReceived received = record.value();
        ComplaintSeen seen = complaintsSeen.find(received.getComplaintId());
        if (seen != null && seen.acknowledgedRound() >= received.getRound()) {
            return; // a redelivered or re-sent ComplaintReceived: this round was already acknowledged
        }
        String customerId = received.getCustomer().getId();
        CustomerMemory known = memory.get(customerId);
        CustomerMemory customer = known == null ? CustomerMemory.EMPTY : known;
        History history = customer.historyAt(received.getOccurredAt(), seen);

        TriageDecision decision = triage.decide(AcknowledgementEvents.complaint(received, history));
        ComplaintAcknowledged ack = AcknowledgementEvents.acknowledged(received, decision, history, clock.instant());
        context.forward(record.withKey(received.getComplaintId()).withValue(ack));

        boolean neverArrived = decision.classification().has("never-arrived");
        memory.put(customerId, customer.withComplaint(received.getOccurredAt(), seen, neverArrived,
                received.getCustomer().getCustomerSince()));
        complaintsSeen.save(received.getComplaintId(), (seen == null ? ComplaintSeen.first(received.getOccurredAt()) : seen)
                .acknowledged(received.getRound(), received.getOccurredAt(), neverArrived));
    }
}
