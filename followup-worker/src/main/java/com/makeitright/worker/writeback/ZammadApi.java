package com.makeitright.worker.writeback;

import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Zammad: {@code POST {base}/api/v1/ticket_articles} with an article of type {@code note}, {@code internal: true},
 * plain text; {@code Authorization: Token token=...}. The ticket id is Zammad's numeric {@code ticket.id}.
 */
record ZammadApi(WritebackProperties.Zammad settings) implements HelpdeskApi {

    @Override
    public String system() {
        return "zammad";
    }

    @Override
    public HttpRequest request(HelpdeskNote note, Duration timeout) {
        ObjectNode article = JSON.createObjectNode();
        if (note.ticketId().chars().allMatch(Character::isDigit)) {
            article.put("ticket_id", Long.parseLong(note.ticketId()));
        } else {
            article.put("ticket_id", note.ticketId());
        }
        article.put("body", note.text());
        article.put("content_type", "text/plain");
        article.put("type", "note");
        article.put("internal", true);
        return HelpdeskApi.json(HelpdeskApi.base(settings.baseUrl()) + "/api/v1/ticket_articles", timeout,
                        "Token token=" + settings.token(), note.deliveryId())
                .POST(HelpdeskApi.body(article))
                .build();
    }

    @Override
    public String toString() {
        return "ZammadApi[" + settings + "]";
    }
}
