package com.makeitright.intake.webhooks;

import com.makeitright.intake.common.InvalidInput;
import com.makeitright.intake.submission.HelpdeskComplaint;
import tools.jackson.databind.JsonNode;

import java.util.Locale;

import static com.makeitright.intake.webhooks.TicketJson.first;
import static com.makeitright.intake.webhooks.TicketJson.text;

/**
 * A Freshdesk automation rule's JSON ({@code {"freshdesk_webhook": {…}}}, the template in docs/http-api.md) as
 * a complaint. Values arrive as display strings; {@code ticket_description} is HTML and is stripped to text.
 * Simple-mode names ({@code ticket_contact_name}, {@code ticket_contact_email}) are read too. Priority
 * ({@code "High"}) is not read (triage decides it).
 */
final class FreshdeskTicket {

    static final String SYSTEM = "freshdesk";

    private FreshdeskTicket() {
    }

    static HelpdeskComplaint map(JsonNode body) {
        JsonNode ticket = body.path("freshdesk_webhook");
        if (!ticket.isObject()) {
            throw new InvalidInput("freshdesk_webhook", "is required: the rule's JSON is {\"freshdesk_webhook\": {…}}");
        }
        String email = first(text(ticket, "/requester_email"), text(ticket, "/ticket_contact_email"));
        String url = text(ticket, "/ticket_url");
        return new HelpdeskComplaint(SYSTEM,
                TicketJson.ticketId(ticket, "/ticket_id", "freshdesk_webhook.ticket_id"),
                url != null && (url.startsWith("https://") || url.startsWith("http://")) && url.length() <= 2000
                        ? url : null,
                TicketJson.customerId(SYSTEM, first(text(ticket, "/requester_id"), email)),
                first(text(ticket, "/requester_name"), text(ticket, "/ticket_contact_name")),
                email,
                first(text(ticket, "/requester_phone"), text(ticket, "/ticket_contact_phone"),
                        text(ticket, "/requester_mobile"), text(ticket, "/ticket_contact_mobile")),
                channel(text(ticket, "/ticket_source")),
                text(ticket, "/ticket_subject"),
                HtmlText.toText(text(ticket, "/ticket_description")));
    }

    /** {@code {{ticket.source}}}: "Email", "Portal", "Phone", "Chat", "Feedback Widget", … Unknown: the web form. */
    static String channel(String source) {
        if (source == null) {
            return "WEB_FORM";
        }
        String s = source.toLowerCase(Locale.ROOT);
        if (s.contains("mail")) {
            return "EMAIL";
        }
        if (s.contains("phone")) {
            return "PHONE";
        }
        if (s.contains("chat")) {
            return "CHAT";
        }
        if (s.contains("twitter") || s.contains("facebook") || s.contains("whatsapp") || s.contains("instagram")) {
            return "SOCIAL_MEDIA";
        }
        if (s.contains("walk")) {
            return "IN_PERSON";
        }
        return "WEB_FORM";
    }
}
