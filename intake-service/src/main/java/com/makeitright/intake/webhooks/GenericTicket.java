package com.makeitright.intake.webhooks;

import com.makeitright.intake.submission.HelpdeskComplaint;
import tools.jackson.databind.JsonNode;

import java.util.Locale;

import static com.makeitright.intake.webhooks.TicketJson.first;
import static com.makeitright.intake.webhooks.TicketJson.text;

/** Any other helpdesk's body as a complaint, by the JSON Pointers of its configuration ({@code generic.<name>}). */
final class GenericTicket {

    private GenericTicket() {
    }

    static HelpdeskComplaint map(String source, WebhookProperties.Generic config, JsonNode body) {
        WebhookProperties.Fields f = config.fields();
        String email = at(body, f.email());
        String description = at(body, f.description());
        String url = at(body, f.url());
        String channel = at(body, f.channel());
        return new HelpdeskComplaint(source, TicketJson.ticketId(body, f.ticketId(), pointerField(f.ticketId())),
                url != null && (url.startsWith("https://") || url.startsWith("http://")) && url.length() <= 2000
                        ? url : null,
                TicketJson.customerId(source, first(at(body, f.customerId()), email)),
                at(body, f.name()), email, at(body, f.phone()),
                channel == null ? "WEB_FORM"
                        : config.channels().getOrDefault(channel.toLowerCase(Locale.ROOT), "WEB_FORM"),
                at(body, f.subject()),
                f.descriptionHtml() ? HtmlText.toText(description) : description == null ? null : HtmlText.tidy(description));
    }

    private static String at(JsonNode body, String pointer) {
        return pointer == null ? null : text(body, pointer);
    }

    /** {@code /ticket/id} is reported as the field {@code ticket.id}. */
    private static String pointerField(String pointer) {
        return pointer.substring(1).replace('/', '.');
    }
}
