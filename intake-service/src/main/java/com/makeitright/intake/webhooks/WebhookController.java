package com.makeitright.intake.webhooks;

import com.makeitright.intake.ratelimit.IntegrationLimits;
import com.makeitright.intake.submission.AcceptedAnswer;
import com.makeitright.intake.submission.ComplaintSubmission;
import com.makeitright.intake.submission.HelpdeskComplaint;
import com.makeitright.intake.web.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Helpdesks post their own "ticket created" webhooks here (docs/http-api.md). Each request is authenticated on its
 * raw bytes first, then its body is mapped by the helpdesk's class onto the complaint submission, keyed by the
 * helpdesk's ticket id: every delivery of a ticket is one complaint, answered {@code 202} like
 * {@code POST /api/complaints}.
 */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "webhooks")
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final ComplaintSubmission submission;
    private final WebhookProperties config;
    private final Clock clock;
    private final IntegrationLimits limits;

    WebhookController(ComplaintSubmission submission, WebhookProperties config, Clock clock,
                      IntegrationLimits limits) {
        this.submission = submission;
        this.config = config;
        this.clock = clock;
        this.limits = limits;
    }

    @Operation(summary = "Zammad \"ticket created\" webhook",
            description = "Zammad's default {ticket, article} payload, signed with X-Hub-Signature: sha1=<hex"
                    + " HMAC-SHA1 of the raw body>. Every delivery of one ticket is one complaint.")
    @Accepted
    @PostMapping(path = "/zammad", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> zammad(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Hub-Signature", required = false) String signature,
            @RequestHeader(name = "X-Zammad-Delivery", required = false) String delivery) {
        WebhookProperties.Zammad zammad = config.zammad();
        return take(ZammadTicket.SYSTEM, zammad.enabled(), delivery, () -> WebhookAuth.zammad(zammad.secret(),
                signature, bytes(body)), body, ZammadTicket::map);
    }

    @Operation(summary = "Zendesk \"ticket created\" webhook",
            description = "A trigger's JSON template or the zen:event-type:ticket.created event subscription,"
                    + " signed with X-Zendesk-Webhook-Signature (base64 HMAC-SHA256 of the timestamp header and"
                    + " the raw body); a timestamp outside the configured window is a 401.")
    @Accepted
    @PostMapping(path = "/zendesk", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> zendesk(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Zendesk-Webhook-Signature", required = false) String signature,
            @RequestHeader(name = "X-Zendesk-Webhook-Signature-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Zendesk-Webhook-Invocation-Id", required = false) String invocation) {
        WebhookProperties.Zendesk zendesk = config.zendesk();
        return take(ZendeskTicket.SYSTEM, zendesk.enabled(), invocation, () -> WebhookAuth.zendesk(zendesk.secret(),
                signature, timestamp, bytes(body), clock, zendesk.timestampWindow()), body, ZendeskTicket::map);
    }

    @Operation(summary = "Freshdesk \"ticket created\" webhook",
            description = "An automation rule's JSON {\"freshdesk_webhook\": {…}}, authenticated by HTTP Basic or"
                    + " the configured API-key header. Deduplicated by ticket id.")
    @Accepted
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.AUTHORIZATION,
            description = "Basic with the configured username and password (or use the API-key header)")
    @Parameter(in = ParameterIn.HEADER, name = "X-Webhook-Token",
            description = "the configured API key (header name: INTAKE_WEBHOOK_FRESHDESK_API_KEY_HEADER)")
    @PostMapping(path = "/freshdesk", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> freshdesk(
            @RequestBody(required = false) byte[] body,
            @Parameter(hidden = true) @RequestHeader HttpHeaders headers) {
        WebhookProperties.Freshdesk freshdesk = config.freshdesk();
        return take(FreshdeskTicket.SYSTEM, freshdesk.enabled(), null, () -> WebhookAuth.freshdesk(freshdesk,
                headers.getFirst(HttpHeaders.AUTHORIZATION), headers.getFirst(freshdesk.apiKeyHeader())),
                body, FreshdeskTicket::map);
    }

    @Operation(summary = "Any other helpdesk's webhook, by configuration",
            description = "A source configured under makeitright.intake.webhooks.generic.<source>: signed as"
                    + " configured (HMAC-SHA1/SHA256, hex/base64, optional timestamp), fields read by JSON Pointer."
                    + " An unconfigured source is a 404.")
    @Accepted
    @PostMapping(path = "/{source}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> generic(
            @PathVariable String source,
            @RequestBody(required = false) byte[] body,
            @Parameter(hidden = true) @RequestHeader HttpHeaders headers) {
        WebhookProperties.Generic generic = config.generic().get(source);
        if (generic == null) {
            return Mono.error(WebhookRefused.notEnabled("such"));
        }
        return take(source, true, generic.deliveryHeader() == null ? null : headers.getFirst(generic.deliveryHeader()),
                () -> WebhookAuth.generic(generic, headers.getFirst(generic.signatureHeader()),
                        generic.timestampHeader() == null ? null : headers.getFirst(generic.timestampHeader()),
                        bytes(body), clock),
                body, json -> GenericTicket.map(source, generic, json));
    }

    private Mono<ResponseEntity<Map<String, Object>>> take(String system, boolean enabled, String delivery,
                                                            Runnable authenticate, byte[] body,
                                                            Function<tools.jackson.databind.JsonNode, HelpdeskComplaint> mapping) {
        return Mono.defer(() -> {
            if (!enabled) {
                throw WebhookRefused.notEnabled(system);
            }
            authenticate.run();
            // authenticated: the integration is a helpdesk client now, with that role's budget
            limits.admit(system);
            HelpdeskComplaint ticket = mapping.apply(TicketJson.parse(body));
            // the delivery id is logged to trace a vendor's retries; the ticket id is what deduplicates
            log.info("{} webhook: ticket {} (delivery {})", system, ticket.ticketId(), delivery == null ? "-" : delivery);
            return submission.submitTicket(ticket);
        }).map(AcceptedAnswer::of);
    }

    private static byte[] bytes(byte[] body) {
        return body == null ? new byte[0] : body;
    }

    /** The answers every webhook endpoint gives, for the OpenAPI document. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
            description = "the helpdesk's own JSON, exactly as it sends it (docs/http-api.md)")))
    @ApiResponse(responseCode = "202", description = "Accepted: Kafka has the complaint (or already had this ticket)",
            headers = {@Header(name = "Location", description = "the complaint's status URL"),
                    @Header(name = "Idempotent-Replayed", description = "true when this ticket was taken before")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "accepted",
                    value = "{\"complaintId\": \"5c1d3f0e-2a4b-3c8d-9e7f-0123456789ab\", \"stage\": \"RECEIVED\","
                            + " \"statusUrl\": \"/api/complaints/5c1d3f0e-2a4b-3c8d-9e7f-0123456789ab\"}")))
    @ApiResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST, content = @Content(
            mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "401", description = "Missing or wrong signature or credentials. Nothing was published.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "This helpdesk is not configured on this intake.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "503", description = ApiDocs.UNAVAILABLE,
            headers = @Header(name = "Retry-After", description = "seconds"),
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @interface Accepted {
    }
}
