package com.makeitright.intake.status;

import com.makeitright.contract.EventJson;
import com.makeitright.contract.RepeatContacts;
import com.makeitright.events.ComplaintContactAdded;
import com.makeitright.events.HandlingAdvice;
import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.CustomerNotified;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import org.apache.avro.specific.SpecificRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The JSON of {@code GET /api/complaints/{id}} (docs/http-api.md), as plain maps and lists: a pure function of
 * the folded {@link ComplaintState}. Money stays an exact decimal, timestamps ISO-8601 strings.
 */
public final class StatusView {

    private StatusView() {
    }

    /**
     * @param open shows an event's sealed personal fields opened, or {@code "erased"} (docs/privacy.md)
     */
    public static Map<String, Object> of(ComplaintState state, UnaryOperator<SpecificRecord> open) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("complaintId", state.complaintId());
        view.put("stage", state.stage().name());
        view.put("round", state.round());
        view.put("customerId", state.received().getCustomer().getId());
        view.put("channel", state.received().getChannel().name());
        view.put("subject", state.received().getSubject());
        view.put("receivedAt", state.received().getOccurredAt().toString());
        // the helpdesk ticket the complaint came from (webhooks in); it is the first round's, every round is that ticket
        view.put("externalReference", state.firstReceived().getExternalReference() == null ? null
                : EventJson.toMap(state.firstReceived().getExternalReference()));
        view.put("reopenedFrom", state.received().getReopenedFrom() == null ? null
                : EventJson.toMap(state.received().getReopenedFrom()));
        view.put("contacts", state.contacts());
        view.put("repeatContacts", state.repeatContacts().stream().map(StatusView::repeatContact).toList());
        view.put("triage", state.triage().map(ack -> triage(ack, state.contacts())).orElse(null));
        view.put("acknowledgementApproval", state.acknowledgementApproval().map(StatusView::approval).orElse(null));
        view.put("acknowledgementSent", state.acknowledgementSent().map(sent -> acknowledgementSent(state, sent))
                .orElse(null));
        view.put("openOffer", state.openOffer().map(StatusView::offer).orElse(null));
        view.put("agreedOffer", state.agreedOffer().map(StatusView::offer).orElse(null));
        view.put("negotiation", state.negotiation().stream().map(StatusView::negotiationStep).toList());
        view.put("resolution", state.resolution().map(StatusView::resolution).orElse(null));
        view.put("followUps", state.followUps().stream().map(StatusView::followUp).toList());
        view.put("events", state.events().stream().map(recorded -> event(recorded, open)).toList());
        return view;
    }

    /**
     * Triage's reading, with what repeat contacts add (RepeatContacts): {@code priority} raised a step per repeat
     * contact ({@code triagedPriority} is triage's own) and the {@code REPEAT_CONTACT} advice first.
     */
    private static Map<String, Object> triage(ComplaintAcknowledged ack, int contacts) {
        Map<String, Object> triage = pick(ack, "cause", "causeConfidence", "anger", "angerConfidence", "priority",
                "acknowledgeBy", "signals", "handlingAdvice", "acknowledgementText", "reviewNeeded", "reviewReasons",
                "suspectedRootCause", "customerHistory");
        triage.put("priority", RepeatContacts.raised(ack.getPriority(), contacts).name());
        triage.put("triagedPriority", ack.getPriority().name());
        HandlingAdvice repeat = RepeatContacts.advice(contacts);
        if (repeat != null) {
            List<Object> advice = new ArrayList<>();
            advice.add(EventJson.toMap(repeat));
            advice.addAll((List<?>) triage.get("handlingAdvice"));
            triage.put("handlingAdvice", advice);
        }
        return triage;
    }

    private static Map<String, Object> repeatContact(ComplaintContactAdded contact) {
        Map<String, Object> map = pick(contact, "contactNumber", "matchedBy", "channel", "subject", "description",
                "orderId", "externalSystem", "externalTicketId");
        map.put("at", contact.getOccurredAt().toString());
        return map;
    }

    private static Map<String, Object> approval(AcknowledgementApproved approved) {
        Map<String, Object> map = pick(approved, "approvedBy", "edited", "text");
        map.put("approvedAt", approved.getOccurredAt().toString());
        return map;
    }

    /** When the customer got the round's acknowledgement, and whether without review (caused by triage's draft). */
    private static Map<String, Object> acknowledgementSent(ComplaintState state, CustomerNotified sent) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sentAt", sent.getOccurredAt().toString());
        map.put("automatically", state.triage().map(ack -> ack.getEventId().equals(sent.getCausationId()))
                .orElse(false));
        return map;
    }

    private static Map<String, Object> offer(RemedyOffered offer) {
        return pick(offer, "offerId", "status", "kind", "description", "amount", "goodwill", "estimatedCost",
                "openQuestion", "expiresAt", "deliverBy", "approvalRequired", "authorityLevel", "approvalDueBy",
                "approvedBy", "negotiationRound", "counterOfEventId", "reasoning");
    }

    private static Map<String, Object> negotiationStep(RecordedEvent recorded) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("at", recorded.occurredAt().toString());
        step.put("event", recorded.type());
        SpecificRecord event = recorded.event();
        if (event instanceof RemedyOffered) {
            step.putAll(pick(event, "offerId", "status", "kind", "negotiationRound", "amount", "description"));
        } else if (event instanceof RemedyResponded) {
            step.putAll(pick(event, "offerId", "decision", "counterOffer", "note"));
        } else if (event instanceof RemedyApprovalDecided) {
            step.putAll(pick(event, "offerId", "decision", "approver", "note"));
        } else if (event instanceof RemedyFulfilled) {
            step.putAll(pick(event, "offerId", "kind", "reference", "fulfilledBy", "actualCost", "inspectionResult",
                    "rootCause", "note"));
        }
        return step;
    }

    private static Map<String, Object> resolution(ComplaintResolved resolved) {
        Map<String, Object> map = pick(resolved, "outcome", "remedy", "cost", "costLines", "rootCause",
                "negotiationRounds", "doNotServe");
        map.put("resolvedAt", resolved.getOccurredAt().toString());
        return map;
    }

    private static Map<String, Object> followUp(ComplaintState.FollowUp followUp) {
        Map<String, Object> map = pick(followUp.due(), "kind", "round", "dueAt", "reason", "offerId");
        Map<String, Object> completed = null;
        if (followUp.completed() != null) {
            completed = pick(followUp.completed(), "satisfied", "score", "comment", "reopened");
            completed.put("at", followUp.completed().getOccurredAt().toString());
        }
        map.put("completed", completed);
        return map;
    }

    private static Map<String, Object> event(RecordedEvent recorded, UnaryOperator<SpecificRecord> open) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("topic", recorded.topic().name());
        map.put("type", recorded.type());
        map.put("eventId", recorded.eventId());
        map.put("occurredAt", recorded.occurredAt().toString());
        map.put("causationId", recorded.causationId());
        map.put("round", recorded.round());
        map.put("payload", EventJson.toMap(open.apply(recorded.event())));
        return map;
    }

    private static Map<String, Object> pick(SpecificRecord record, String... fields) {
        Map<String, Object> all = EventJson.toMap(record);
        Map<String, Object> picked = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String field : fields) {
            if (all.containsKey(field)) {
                picked.put(field, all.get(field));
            } else {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(record.getSchema().getName() + " has no fields " + missing);
        }
        return picked;
    }
}
