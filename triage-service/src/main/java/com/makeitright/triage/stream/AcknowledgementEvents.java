package com.makeitright.triage.stream;

import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.CustomerHistory;
import com.makeitright.events.HandlingAdvice;
import com.makeitright.events.Signal;
import com.makeitright.triage.acknowledge.Complaint;
import com.makeitright.triage.acknowledge.TriageDecision;
import com.makeitright.triage.classify.Classification;
import com.makeitright.triage.classify.ComplaintText;
import com.makeitright.triage.classify.History;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Translates between the contract's events and triage's domain records. */
final class AcknowledgementEvents {

    private AcknowledgementEvents() {
    }

    static Complaint complaint(ComplaintReceived received, History history) {
        ComplaintText text = new ComplaintText(received.getSubject(), received.getDescription(),
                received.getDesiredOutcome(), received.getChannel(), received.getCustomer().getTier(),
                received.getOrder() == null ? null : received.getOrder().getAmount().getAmount(),
                received.getOccurredAt().atOffset(ZoneOffset.UTC).toLocalDate());
        Complaint.Reopen reopen = received.getReopenedFrom() == null ? null : new Complaint.Reopen(
                received.getReopenedFrom().getPreviousRound(), received.getReopenedFrom().getScore(),
                received.getReopenedFrom().getComment());
        return new Complaint(received.getComplaintId(), received.getRound(), text, history, reopen);
    }

    /** The acknowledgement: triage's decision plus the copies of the complaint that remedy needs (no PII). */
    static ComplaintAcknowledged acknowledged(ComplaintReceived received, TriageDecision decision, History history,
                                              Instant now) {
        Classification c = decision.classification();
        return ComplaintAcknowledged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setComplaintId(received.getComplaintId())
                .setOccurredAt(now)
                .setCausationId(received.getEventId())
                .setRound(received.getRound())
                .setCustomerId(received.getCustomer().getId())
                .setTier(received.getCustomer().getTier())
                .setChannel(received.getChannel())
                .setSubject(received.getSubject())
                .setDescription(received.getDescription())
                .setOrder(received.getOrder())
                .setDesiredOutcome(received.getDesiredOutcome())
                .setCause(c.cause())
                .setCauseConfidence(c.causeConfidence())
                .setRunnerUpCause(c.runnerUp())
                .setRunnerUpConfidence(c.runnerUpConfidence())
                .setAnger(c.anger())
                .setAngerConfidence(c.angerConfidence())
                .setSignals(c.signals().stream().map(e -> Signal.newBuilder().setSignal(e.signal())
                        .setEvidence(e.evidence()).setWeight(e.weight()).setIndicates(e.indicates()).build()).toList())
                .setPriority(decision.priority())
                .setAcknowledgeBy(decision.acknowledgeBy())
                .setHandlingAdvice(decision.handlingAdvice().stream().map(a -> HandlingAdvice.newBuilder()
                        .setCode(a.code()).setText(a.text()).build()).toList())
                .setAcknowledgementText(decision.acknowledgementText())
                .setReviewNeeded(decision.reviewNeeded())
                .setReviewReasons(decision.reviewReasons())
                .setSuspectedRootCause(c.rootCause())
                .setCustomerHistory(CustomerHistory.newBuilder()
                        .setComplaintsLast12Months(history.complaints())
                        .setRefundsLast12Months(history.refunds())
                        .setNeverArrivedLast12Months(history.neverArrived())
                        .setDoNotServe(history.doNotServe())
                        .setCustomerSince(history.customerSince())
                        .build())
                .setReopenedFrom(received.getReopenedFrom())
                .build();
    }
}
