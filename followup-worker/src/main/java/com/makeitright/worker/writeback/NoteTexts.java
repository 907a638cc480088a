package com.makeitright.worker.writeback;

import com.makeitright.contract.Monies;
import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.RemedyOffered;
import com.makeitright.platform.links.Placeholders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text of each note, from the templates in {@code helpdesk-notes/} (plain text, {@code {{name}}} placeholders):
 * the acknowledgement as the customer got it (triage's draft under the auto-send rule, else the words an agent
 * approved), and every offer with what, why and until when. Each ends with the event id, the hint an agent can use to
 * spot the rare second copy of a note (delivery is at-least-once).
 */
final class NoteTexts {

    static final String NONE = "-";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Map<String, Set<String>> PLACEHOLDERS = Map.of(
            "acknowledgement", Set.of("acknowledgementText", "reference", "round", "eventId"),
            "acknowledgement-approved", Set.of("acknowledgementText", "approvedBy", "reference", "round", "eventId"),
            "offer", Set.of("status", "negotiationRound", "offerDescription", "offerAmount", "why", "openQuestion",
                    "expiresAt", "deliverBy", "reference", "round", "offerId", "eventId"));

    private final Map<String, String> templates = new HashMap<>();

    /** Reads and checks every template: a missing one or an unknown placeholder stops the worker at start-up. */
    NoteTexts() {
        PLACEHOLDERS.forEach((name, known) -> {
            String template = read("helpdesk-notes/" + name + ".txt");
            Set<String> unknown = new java.util.TreeSet<>(Placeholders.used(template));
            unknown.removeAll(known);
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("helpdesk-notes/" + name + ".txt: unknown placeholders " + unknown);
            }
            templates.put(name, template);
        });
    }

    HelpdeskNote acknowledgement(ComplaintAcknowledged acknowledged) {
        Map<String, String> values = common(acknowledged.getComplaintId(), acknowledged.getRound(),
                acknowledged.getEventId());
        values.put("acknowledgementText", acknowledged.getAcknowledgementText());
        return note(acknowledged.getComplaintId(), acknowledged.getRound(), acknowledged.getEventId(),
                HelpdeskNote.Kind.ACKNOWLEDGEMENT,
                fill("acknowledgement", values), acknowledged.getOccurredAt());
    }

    HelpdeskNote acknowledgement(AcknowledgementApproved approved) {
        Map<String, String> values = common(approved.getComplaintId(), approved.getRound(), approved.getEventId());
        values.put("acknowledgementText", approved.getText());
        values.put("approvedBy", approved.getApprovedBy());
        return note(approved.getComplaintId(), approved.getRound(), approved.getEventId(),
                HelpdeskNote.Kind.ACKNOWLEDGEMENT,
                fill("acknowledgement-approved", values), approved.getOccurredAt());
    }

    HelpdeskNote offer(RemedyOffered offer) {
        Map<String, String> values = common(offer.getComplaintId(), offer.getRound(), offer.getEventId());
        values.put("status", offer.getStatus().name());
        values.put("negotiationRound", Integer.toString(offer.getNegotiationRound()));
        values.put("offerDescription", offer.getDescription());
        StringBuilder amount = new StringBuilder();
        if (offer.getAmount() != null) {
            amount.append(Monies.format(offer.getAmount()));
        }
        if (offer.getGoodwill() != null) {
            amount.append(amount.isEmpty() ? "" : "; ").append("and on top: ")
                    .append(offer.getGoodwill().getDescription());
        }
        values.put("offerAmount", amount.isEmpty() ? NONE : amount.toString());
        values.put("why", offer.getReasoning().getSummary());
        values.put("openQuestion", offer.getOpenQuestion() == null ? NONE : offer.getOpenQuestion());
        values.put("expiresAt", when(offer.getExpiresAt()));
        values.put("deliverBy", when(offer.getDeliverBy()));
        values.put("offerId", offer.getOfferId());
        return note(offer.getComplaintId(), offer.getRound(), offer.getEventId(), HelpdeskNote.Kind.OFFER,
                fill("offer", values),
                offer.getOccurredAt());
    }

    private static Map<String, String> common(String complaintId, int round, String eventId) {
        Map<String, String> values = new HashMap<>();
        values.put("reference", complaintId);
        values.put("round", Integer.toString(round));
        values.put("eventId", eventId);
        return values;
    }

    private static HelpdeskNote note(String complaintId, int round, String eventId, HelpdeskNote.Kind kind,
                                     String text,
                                     Instant at) {
        return new HelpdeskNote(null, null, complaintId, round, eventId, kind, text, at);
    }

    private String fill(String template, Map<String, String> values) {
        return Placeholders.fill(templates.get(template), values, false);
    }

    private static String when(Instant at) {
        return at == null ? NONE : WHEN.format(at);
    }

    private static String read(String resource) {
        try (InputStream in = NoteTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
