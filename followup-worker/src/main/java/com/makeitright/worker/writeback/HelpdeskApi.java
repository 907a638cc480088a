package com.makeitright.worker.writeback;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * One helpdesk's REST call that adds an internal note to a ticket. Each implementation is that vendor's documented
 * request (docs/follow-up-worker.md cites the pages); what they share is here.
 */
sealed interface HelpdeskApi permits ZammadApi, ZendeskApi, FreshdeskApi {

    JsonMapper JSON = JsonMapper.builder().build();
    /** A ticket id goes into a URL path: anything but these characters is refused, never encoded into another path. */
    Pattern TICKET_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** {@code zammad}, {@code zendesk} or {@code freshdesk}: {@code ExternalReference.system} as intake writes it. */
    String system();

    /** The request that posts {@code note} to its ticket; the caller has checked the ticket id. */
    HttpRequest request(HelpdeskNote note, Duration timeout);

    static HttpRequest.Builder json(String url, Duration timeout, String authorization, String deliveryId) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("User-Agent", "MakeItRight-Writeback")
                .header("Authorization", authorization)
                // No vendor deduplicates on it; it lets a proxy or the helpdesk's logs tie a retry to its first try.
                .header("X-MakeItRight-Delivery", deliveryId);
    }

    static HttpRequest.BodyPublisher body(ObjectNode json) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json), StandardCharsets.UTF_8);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String base(String baseUrl) {
        return baseUrl.replaceAll("/+$", "");
    }
}
