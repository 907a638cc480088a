package com.makeitright.intake.webhooks;

import com.makeitright.intake.common.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.regex.Pattern;

/** Reading a helpdesk body: parse (malformed is a 400 naming the body) and read text by JSON Pointer. */
final class TicketJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A ticket id becomes part of an Idempotency-Key and a URL: the same characters as any id of the API. */
    private static final Pattern TICKET_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private TicketJson() {
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInput("body", "is required: the helpdesk's ticket as JSON");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidInput("body", "must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidInput("body", "is not valid JSON");
        }
    }

    /** The text at {@code pointer}, a number as its digits; null when absent, null, empty or only blanks. */
    static String text(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) {
            return null;
        }
        String value = node.asString();
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The ticket id at {@code pointer}; a 400 naming {@code field} when it is missing or not an id. */
    static String ticketId(JsonNode root, String pointer, String field) {
        String id = text(root, pointer);
        if (id == null) {
            throw new InvalidInput(field, "is required: the helpdesk's ticket id");
        }
        if (!TICKET_ID.matcher(id).matches()) {
            throw new InvalidInput(field, "must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
        return id;
    }

    /** First non-null. */
    static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** {@code system-id}, the customer id of a helpdesk's requester; null when the helpdesk named none. */
    static String customerId(String system, String requesterId) {
        return requesterId == null ? null : system + "-" + requesterId;
    }
}
