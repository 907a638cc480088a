package com.makeitright.intake.webhooks;

import com.makeitright.intake.common.InvalidInput;
import com.makeitright.intake.submission.HelpdeskComplaint;
import tools.jackson.databind.JsonNode;

import java.util.Locale;

import static com.makeitright.intake.webhooks.TicketJson.first;
import static com.makeitright.intake.webhooks.TicketJson.text;

/**
 * Zammad's default webhook payload {@code {"ticket": {…}, "article": {…}}} as a complaint: the ticket's title,
 * the first article's body (HTML stripped when {@code content_type} is {@code text/html}), the ticket's customer
 * and the type of the article that created the ticket as the channel. Zammad's priority ({@code "3 high"}) has no
 * place in a complaint (triage decides priority) and is not read.
 */
final class ZammadTicket {

    static final String SYSTEM = "zammad";

    private ZammadTicket() {
    }

    static HelpdeskComplaint map(JsonNode body) {
        if (!body.path("ticket").isObject()) {
            throw new InvalidInput("ticket", "is required: Zammad's default payload is {\"ticket\": …, \"article\": …}");
        }
        String ticketId = TicketJson.ticketId(body, "/ticket/id", "ticket.id");
        String articleBody = text(body, "/article/body");
        String description = "text/html".equalsIgnoreCase(text(body, "/article/content_type"))
                ? HtmlText.toText(articleBody) : articleBody == null ? null : HtmlText.tidy(articleBody);
        String name = fullName(text(body, "/ticket/customer/firstname"), text(body, "/ticket/customer/lastname"));
        return new HelpdeskComplaint(SYSTEM, ticketId, null,
                TicketJson.customerId(SYSTEM, first(text(body, "/ticket/customer/id"), text(body, "/ticket/customer_id"))),
                name,
                text(body, "/ticket/customer/email"),
                first(text(body, "/ticket/customer/phone"), text(body, "/ticket/customer/mobile")),
                channel(first(text(body, "/ticket/create_article_type"), text(body, "/article/type"))),
                text(body, "/ticket/title"),
                description);
    }

    private static String fullName(String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name;
    }

    /** Zammad's article types; one we do not know (a channel added later) counts as the web form. */
    static String channel(String articleType) {
        if (articleType == null) {
            return "WEB_FORM";
        }
        return switch (articleType.toLowerCase(Locale.ROOT)) {
            case "email" -> "EMAIL";
            case "phone", "sms" -> "PHONE";
            case "chat" -> "CHAT";
            case "twitter status", "twitter direct-message", "facebook feed post", "facebook feed comment",
                 "telegram personal-message", "whatsapp message" -> "SOCIAL_MEDIA";
            default -> "WEB_FORM";
        };
    }
}
