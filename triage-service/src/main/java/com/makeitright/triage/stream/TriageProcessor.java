package com.makeitright.triage.stream;

import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.triage.acknowledge.Triage;
import com.makeitright.triage.acknowledge.TriageDecision;
import com.makeitright.triage.classify.History;
import com.makeitright.triage.memory.CustomerMemory;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;

/**
 * Acknowledges each complaint round once: reads the customer's memory (records arrive keyed by customer id),
 * triages with it, emits the acknowledgement keyed by complaint id, then remembers the complaint and the
 * acknowledged round. Store writes and the output commit in one exactly-once transaction.
 */
final class TriageProcessor implements Processor<String, ComplaintReceived, String, ComplaintAcknowledged> {

    private final Triage triage;
    private final Clock clock;
    private ProcessorContext<String, ComplaintAcknowledged> context;
    private KeyValueStore<String, CustomerMemory> memory;
    private KeyValueStore<String, String> acknowledgedRounds;

    TriageProcessor(Triage triage, Clock clock) {
        this.triage = triage;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, ComplaintAcknowledged> context) {
        this.context = context;
        this.memory = context.getStateStore(TriageTopology.MEMORY_STORE);
        this.acknowledgedRounds = context.getStateStore(TriageTopology.ROUNDS_STORE);
    }

    @Override
    public void process(Record<String, ComplaintReceived> record) {
        ComplaintReceived received = record.value();
        String round = received.getComplaintId() + "#" + received.getRound();
        if (acknowledgedRounds.get(round) != null) {
            return; // a redelivered or re-sent ComplaintReceived: this round was already acknowledged
        }
        String customerId = received.getCustomer().getId();
        CustomerMemory known = memory.get(customerId);
        CustomerMemory customer = known == null ? CustomerMemory.EMPTY : known;
        History history = customer.historyAt(received.getOccurredAt(), received.getComplaintId());

        TriageDecision decision = triage.decide(AcknowledgementEvents.complaint(received, history));
        ComplaintAcknowledged ack = AcknowledgementEvents.acknowledged(received, decision, history, clock.instant());
        context.forward(record.withKey(received.getComplaintId()).withValue(ack));

        memory.put(customerId, customer.withComplaint(received.getComplaintId(), received.getOccurredAt(),
                decision.classification().has("never-arrived"), received.getCustomer().getCustomerSince()));
        acknowledgedRounds.put(round, ack.getEventId());
    }
}
