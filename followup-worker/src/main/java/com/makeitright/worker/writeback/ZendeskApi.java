package com.makeitright.worker.writeback;

import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Zendesk: a comment is added by updating the ticket, {@code PUT {base}/api/v2/tickets/{id}.json} with
 * {@code {"ticket":{"comment":{"body":...,"public":false}}}} (a private comment is Zendesk's internal note), as the
 * agent {@code email} with an API token: Basic {@code email/token:TOKEN}.
 */
record ZendeskApi(WritebackProperties.Zendesk settings) implements HelpdeskApi {

    @Override
    public String system() {
        return "zendesk";
    }

    @Override
    public HttpRequest request(HelpdeskNote note, Duration timeout) {
        ObjectNode update = JSON.createObjectNode();
        ObjectNode comment = update.putObject("ticket").putObject("comment");
        comment.put("body", note.text());
        comment.put("public", false);
        return HelpdeskApi.json(HelpdeskApi.base(settings.baseUrl()) + "/api/v2/tickets/" + note.ticketId() + ".json",
                        timeout, HelpdeskApi.basic(settings.email() + "/token", settings.token()), note.deliveryId())
                .PUT(HelpdeskApi.body(update))
                .build();
    }

    @Override
    public String toString() {
        return "ZendeskApi[" + settings + "]";
    }
}
