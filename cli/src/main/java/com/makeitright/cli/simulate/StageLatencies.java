package com.makeitright.cli.simulate;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-stage latencies of one complaint from its status view's {@code events}: each event's {@code occurredAt}
 * minus that of the event that caused it ({@code causationId}), or of the event before it in the same round
 * when the cause is not in the view (events caused by an HTTP call). Timestamps are the services' own, so the
 * numbers do not depend on how often the simulator polls.
 */
final class StageLatencies {

    /** Lifecycle order of event types, for naming and sorting stages. */
    static final List<String> ORDER = List.of("ComplaintReceived", "ComplaintAcknowledged", "RemedyOffered",
            "RemedyApprovalDecided", "RemedyResponded", "RemedyFulfilled", "ComplaintResolved", "FollowUpDue",
            "FollowUpCompleted");

    private static final Map<String, String> SHORT = Map.of(
            "ComplaintReceived", "received", "ComplaintAcknowledged", "acknowledged", "RemedyOffered", "offered",
            "RemedyApprovalDecided", "approval decided", "RemedyResponded", "customer answered",
            "RemedyFulfilled", "fulfilled", "ComplaintResolved", "resolved", "FollowUpDue", "follow-up due",
            "FollowUpCompleted", "follow-up answered");

    /** One measured step. */
    record Sample(String fromType, String toType, long millis) {
        String stage() {
            return name(fromType) + " → " + name(toType);
        }
    }

    private StageLatencies() {
    }

    static List<Sample> from(JsonNode view) {
        List<Sample> samples = new ArrayList<>();
        JsonNode events = view == null ? null : view.get("events");
        if (events == null || !events.isArray()) {
            return samples;
        }
        Map<String, JsonNode> byId = new HashMap<>();
        events.forEach(event -> {
            if (event.hasNonNull("eventId")) {
                byId.put(event.get("eventId").asString(), event);
            }
        });
        JsonNode previous = null;
        for (JsonNode event : events) {
            JsonNode cause = event.hasNonNull("causationId") ? byId.get(event.get("causationId").asString()) : null;
            if (cause == null && previous != null && round(previous) == round(event)
                    && !"ComplaintReceived".equals(type(event))) {
                cause = previous;
            }
            Instant at = time(event);
            Instant causeAt = cause == null ? null : time(cause);
            if (at != null && causeAt != null && cause != event) {
                samples.add(new Sample(type(cause), type(event), Math.max(0, Duration.between(causeAt, at).toMillis())));
            }
            previous = event;
        }
        return samples;
    }

    /** First received to the last event (the satisfied follow-up that closed it), over every round. */
    static Long endToEndMillis(JsonNode view) {
        JsonNode events = view == null ? null : view.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            return null;
        }
        Instant first = null;
        Instant last = null;
        for (JsonNode event : events) {
            Instant at = time(event);
            if (at == null) {
                continue;
            }
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
        return first == null ? null : Duration.between(first, last).toMillis();
    }

    static int orderOf(String type) {
        int index = ORDER.indexOf(type);
        return index < 0 ? ORDER.size() : index;
    }

    static String name(String type) {
        return SHORT.getOrDefault(type, type);
    }

    private static String type(JsonNode event) {
        return event.hasNonNull("type") ? event.get("type").asString() : "?";
    }

    private static int round(JsonNode event) {
        return event.hasNonNull("round") ? event.get("round").asInt() : 1;
    }

    private static Instant time(JsonNode event) {
        if (!event.hasNonNull("occurredAt")) {
            return null;
        }
        JsonNode at = event.get("occurredAt");
        try {
            return at.isNumber() ? Instant.ofEpochMilli(at.asLong()) : Instant.parse(at.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
