package com.makeitright.intake.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real helpdesk bodies of ../shared/helpdesk, copied into src/test/resources/helpdesk. */
final class Samples {

    static final String ZAMMAD = "zammad-ticket-created.json";
    static final String ZENDESK_CAPTURE = "zendesk-ticket-created.json";
    static final String ZENDESK_EVENT = "zendesk-ticket-created.event-subscription.RECONSTRUCTED.json";
    static final String FRESHDESK = "freshdesk-ticket-created.json";

    /** The recommended trigger template (docs/http-api.md) as Zendesk renders it. */
    static final String ZENDESK_TEMPLATE = """
            {"event": "ticket.created",
             "ticket": {"id": "7", "subject": "Hello world",
               "description": "----------------------------------------------\\n\\nApoorva Pendse, Feb 3, 2025, 19:59\\n\\nI am writing this to create a ticket. My \\"order\\" never came.",
               "latest_comment": "I am writing this to create a ticket.", "via": "Mail", "priority": "Normal",
               "status": "Open", "ticket_type": "Incident", "tags": "change_address help order",
               "created_at": "2025-02-03T19:59:00Z", "link": "https://asdf1640.zendesk.com/agent/tickets/7", "brand": "Shop"},
             "requester": {"id": "20978392", "name": "Apoorva Pendse", "email": "apoorva@example.com", "phone": "",
               "external_id": ""},
             "organization": {"name": "", "external_id": ""}}""";

    private Samples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/helpdesk/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
