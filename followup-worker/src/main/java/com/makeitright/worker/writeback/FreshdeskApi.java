package com.makeitright.worker.writeback;

import com.makeitright.platform.links.Placeholders;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Freshdesk: {@code POST {base}/api/v2/tickets/{id}/notes} with {@code {"body":...,"private":true}}; the body is HTML,
 * so the text is escaped and its line breaks become {@code <br>}. Basic auth with the API key as user and {@code X} as
 * password.
 */
record FreshdeskApi(WritebackProperties.Freshdesk settings) implements HelpdeskApi {

    @Override
    public String system() {
        return "freshdesk";
    }

    @Override
    public HttpRequest request(HelpdeskNote note, Duration timeout) {
        ObjectNode body = JSON.createObjectNode();
        body.put("body", Placeholders.html(note.text()));
        body.put("private", true);
        return HelpdeskApi.json(HelpdeskApi.base(settings.baseUrl()) + "/api/v2/tickets/" + note.ticketId() + "/notes",
                        timeout, HelpdeskApi.basic(settings.apiKey(), "X"), note.deliveryId())
                .POST(HelpdeskApi.body(body))
                .build();
    }

    @Override
    public String toString() {
        return "FreshdeskApi[" + settings + "]";
    }
}
