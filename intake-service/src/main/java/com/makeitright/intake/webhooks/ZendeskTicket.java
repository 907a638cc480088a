package com.makeitright.intake.webhooks;

import com.makeitright.intake.common.InvalidInput;
import com.makeitright.intake.submission.HelpdeskComplaint;
import tools.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.regex.Pattern;

import static com.makeitright.intake.webhooks.TicketJson.first;
import static com.makeitright.intake.webhooks.TicketJson.text;

/**
 * A Zendesk "ticket created" body as a complaint, in the three shapes a Zendesk sends:
 * <ul>
 *   <li>the recommended trigger template ({@code {"ticket": {"id", "subject", "description", "via", "link"},
 *       "requester": {"id", "name", "email", "phone"}}}, docs/http-api.md);</li>
 *   <li>a flat trigger template ({@code ticket_id}, {@code ticket_title}, {@code ticket_description},
 *       {@code requester_full_name}, optionally {@code requester_email}, {@code requester_phone}, {@code ticket_via},
 *       {@code link});</li>
 *   <li>the event subscription {@code {"type": "zen:event-type:ticket.created", "detail": {…}}}, which names the
 *       requester only by id: without an e-mail or phone the complaint rules refuse it (400), so a team that wants
 *       complaints from Zendesk uses the trigger template.</li>
 * </ul>
 * {@code {{ticket.description}}} is the first comment behind a dashed line and an "Author, date" line; that header
 * is removed. Priority is not read (triage decides it).
 */
final class ZendeskTicket {

    static final String SYSTEM = "zendesk";
    static final String TICKET_CREATED = "zen:event-type:ticket.created";
    /** The dashed line, a blank line, "Name, Feb 3, 2025, 19:59", a blank line. */
    private static final Pattern DESCRIPTION_HEADER = Pattern.compile("\\A\\s*-{10,}\\s*\\n\\s*\\n[^\\n]*\\n\\s*\\n");

    private ZendeskTicket() {
    }

    static HelpdeskComplaint map(JsonNode body) {
        if (body.has("type")) {
            return eventSubscription(body);
        }
        if (body.path("ticket").isObject()) {
            return new HelpdeskComplaint(SYSTEM, TicketJson.ticketId(body, "/ticket/id", "ticket.id"),
                    url(text(body, "/ticket/link")),
                    TicketJson.customerId(SYSTEM, first(text(body, "/requester/id"), text(body, "/requester/email"))),
                    text(body, "/requester/name"), text(body, "/requester/email"), text(body, "/requester/phone"),
                    channel(text(body, "/ticket/via")), text(body, "/ticket/subject"),
                    description(text(body, "/ticket/description")));
        }
        if (body.has("ticket_id")) {
            return new HelpdeskComplaint(SYSTEM, TicketJson.ticketId(body, "/ticket_id", "ticket_id"),
                    url(first(text(body, "/link"), text(body, "/ticket_link"))),
                    TicketJson.customerId(SYSTEM, first(text(body, "/requester_id"), text(body, "/requester_email"))),
                    first(text(body, "/requester_full_name"), text(body, "/requester_name")),
                    text(body, "/requester_email"), text(body, "/requester_phone"),
                    channel(first(text(body, "/ticket_via"), text(body, "/via"))),
                    first(text(body, "/ticket_title"), text(body, "/ticket_subject")),
                    description(text(body, "/ticket_description")));
        }
        throw new InvalidInput("ticket.id", "is required: the trigger template's ticket.id (or ticket_id), or an"
                + " event subscription's type and detail");
    }

    private static HelpdeskComplaint eventSubscription(JsonNode body) {
        if (!TICKET_CREATED.equals(text(body, "/type"))) {
            throw new InvalidInput("type", "must be " + TICKET_CREATED + ": only new tickets are complaints");
        }
        if (!body.path("detail").isObject()) {
            throw new InvalidInput("detail", "is required: the event's ticket");
        }
        String requesterId = text(body, "/detail/requester_id");
        return new HelpdeskComplaint(SYSTEM, TicketJson.ticketId(body, "/detail/id", "detail.id"), null,
                TicketJson.customerId(SYSTEM, requesterId), null, null, null,
                channel(text(body, "/detail/via/channel")), text(body, "/detail/subject"),
                description(text(body, "/detail/description")));
    }

    /** Removes the "----\n\nAuthor, date\n\n" header {@code {{ticket.description}}} renders before the comment. */
    static String description(String description) {
        if (description == null) {
            return null;
        }
        return HtmlText.tidy(DESCRIPTION_HEADER.matcher(description).replaceFirst(""));
    }

    private static String url(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) && url.length() <= 2000
                ? url : null;
    }

    /**
     * {@code {{ticket.via}}} renders a display string ("Web form", "Mail", "Phone call"); the event subscription
     * sends {@code via.channel} ("web", "email", "voice"). Unknown: the web form.
     */
    static String channel(String via) {
        if (via == null) {
            return "WEB_FORM";
        }
        String v = via.toLowerCase(Locale.ROOT);
        if (v.contains("mail")) {
            return "EMAIL";
        }
        if (v.contains("phone") || v.contains("voice") || v.contains("call") || v.contains("sms")) {
            return "PHONE";
        }
        if (v.contains("chat") || v.contains("messaging")) {
            return "CHAT";
        }
        if (v.contains("twitter") || v.contains("facebook") || v.contains("instagram") || v.contains("whatsapp")
                || v.equals("x") || v.contains("social")) {
            return "SOCIAL_MEDIA";
        }
        return "WEB_FORM";
    }
}
