package com.makeitright.triage.stream;

import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.RemedyKind;
import com.makeitright.triage.memory.ComplaintSeen;
import com.makeitright.triage.memory.CustomerMemory;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

import java.util.Set;

/** Folds each resolved round into the customer's memory: refunds, and the decision to stop serving them. */
final class ResolutionProcessor implements Processor<String, ComplaintResolved, Void, Void> {

    /** Remedies that give the customer's money back. */
    static final Set<RemedyKind> REFUNDS = Set.of(RemedyKind.REFUND_FULL, RemedyKind.REFUND_PARTIAL,
            RemedyKind.REFUND_PRORATED, RemedyKind.REFUND_AND_DISENGAGE);

    private KeyValueStore<String, CustomerMemory> memory;
    private ComplaintsSeen complaintsSeen;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.memory = context.getStateStore(TriageTopology.MEMORY_STORE);
        WindowStore<String, ComplaintSeen> seen = context.getStateStore(TriageTopology.SEEN_STORE);
        this.complaintsSeen = new ComplaintsSeen(seen);
    }

    @Override
    public void process(Record<String, ComplaintResolved> record) {
        ComplaintResolved resolved = record.value();
        boolean refunded = resolved.getRemedy() != null && REFUNDS.contains(resolved.getRemedy().getKind());
        if (!refunded && !resolved.getDoNotServe()) {
            return;
        }
        CustomerMemory known = memory.get(resolved.getCustomerId());
        CustomerMemory customer = known == null ? CustomerMemory.EMPTY : known;
        ComplaintSeen seen = complaintsSeen.find(resolved.getComplaintId());
        memory.put(resolved.getCustomerId(), customer.withResolution(resolved.getOccurredAt(), seen,
                resolved.getRound(), refunded, resolved.getDoNotServe()));
        complaintsSeen.save(resolved.getComplaintId(), (seen == null ? ComplaintSeen.first(resolved.getOccurredAt()) : seen)
                .resolved(resolved.getRound(), resolved.getOccurredAt(), refunded));
    }
}
