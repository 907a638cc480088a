package com.makeitright.intake.webhooks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The helpdesks allowed to post tickets ({@code makeitright.intake.webhooks.*}, environment in application.yml).
 * A helpdesk without a secret is not enabled: its endpoint answers 404. Secrets are never logged and never
 * printed by {@code toString}.
 *
 * @param zammad    Zammad's webhook
 * @param zendesk   Zendesk's webhook
 * @param freshdesk Freshdesk's automation rule
 * @param generic   any other helpdesk, by source name: signature scheme and JSON Pointers (docs/http-api.md)
 */
@Validated
@ConfigurationProperties("makeitright.intake.webhooks")
record WebhookProperties(@NotNull @Valid @DefaultValue Zammad zammad,
                         @NotNull @Valid @DefaultValue Zendesk zendesk,
                         @NotNull @Valid @DefaultValue Freshdesk freshdesk,
                         Map<String, @Valid Generic> generic) {

    /** Names of the built-in helpdesks; a generic source may not take one (its path would be shadowed). */
    private static final Set<String> BUILT_IN = Set.of("zammad", "zendesk", "freshdesk");
    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    WebhookProperties {
        generic = generic == null ? Map.of() : Map.copyOf(generic);
        for (String name : generic.keySet()) {
            if (!SOURCE_NAME.matcher(name).matches() || BUILT_IN.contains(name)) {
                throw new IllegalArgumentException("makeitright.intake.webhooks.generic." + name
                        + ": a source's name is 1-32 of a-z 0-9 - and not zammad, zendesk or freshdesk");
            }
        }
    }

    /**
     * Any other helpdesk, by configuration alone: how its requests are signed and where each complaint field is in
     * its JSON (JSON Pointers, RFC 6901). Posted to {@code /api/webhooks/<name>}. Validated at start-up.
     *
     * @param secret          the HMAC key
     * @param algorithm       {@code HmacSHA1} or {@code HmacSHA256}
     * @param encoding        how the signature header carries the MAC: {@code hex} or {@code base64}
     * @param signatureHeader the header with the signature
     * @param signaturePrefix text before the MAC in that header (e.g. {@code sha256=}), or empty
     * @param timestampHeader optional: the MAC covers this header's value followed by the body, and the value (an
     *                        ISO-8601 instant) must lie within {@code timestampWindow} of now
     * @param timestampWindow see {@code timestampHeader}
     * @param deliveryHeader  optional: the delivery id header, logged to trace retries
     * @param fields          where each complaint field is in the body
     * @param channels        the body's channel values (lower case) mapped to a complaint channel; others: WEB_FORM
     */
    record Generic(@NotBlank String secret,
                   @NotNull @jakarta.validation.constraints.Pattern(regexp = "HmacSHA1|HmacSHA256") String algorithm,
                   @NotNull @jakarta.validation.constraints.Pattern(regexp = "hex|base64") @DefaultValue("hex") String encoding,
                   @NotBlank String signatureHeader,
                   @DefaultValue("") String signaturePrefix,
                   String timestampHeader,
                   @NotNull @DurationMin(seconds = 10) @DurationMax(hours = 1) @DefaultValue("5m") Duration timestampWindow,
                   String deliveryHeader,
                   @NotNull @Valid Fields fields,
                   Map<String, @jakarta.validation.constraints.Pattern(regexp = "PHONE|EMAIL|CHAT|IN_PERSON|SOCIAL_MEDIA|WEB_FORM") String> channels) {

        Generic {
            channels = channels == null ? Map.of() : Map.copyOf(channels);
        }

        @Override
        public String toString() {
            return "Generic[algorithm=" + algorithm + ", encoding=" + encoding + ", signatureHeader=" + signatureHeader
                    + ", timestampHeader=" + timestampHeader + "]";
        }
    }

    /**
     * JSON Pointers into the body ({@code /ticket/id}); {@code ticketId}, {@code subject} and {@code description}
     * are required, the others optional.
     *
     * @param ticketId        the ticket id (the deduplication key)
     * @param subject         the subject
     * @param description     the first message
     * @param descriptionHtml whether the first message is HTML (stripped to text)
     * @param customerId      the requester's id in the helpdesk (prefixed with the source's name); default: the e-mail
     * @param name            the requester's name
     * @param email           the requester's e-mail
     * @param phone           the requester's phone
     * @param channel         the channel value, looked up in {@code channels}
     * @param url             the ticket's link
     */
    record Fields(@NotNull @jakarta.validation.constraints.Pattern(regexp = POINTER) String ticketId,
                  @NotNull @jakarta.validation.constraints.Pattern(regexp = POINTER) String subject,
                  @NotNull @jakarta.validation.constraints.Pattern(regexp = POINTER) String description,
                  @DefaultValue("false") boolean descriptionHtml,
                  @jakarta.validation.constraints.Pattern(regexp = POINTER) String customerId,
                  @jakarta.validation.constraints.Pattern(regexp = POINTER) String name,
                  @jakarta.validation.constraints.Pattern(regexp = POINTER) String email,
                  @jakarta.validation.constraints.Pattern(regexp = POINTER) String phone,
                  @jakarta.validation.constraints.Pattern(regexp = POINTER) String channel,
                  @jakarta.validation.constraints.Pattern(regexp = POINTER) String url) {
    }

    /** A JSON Pointer: one or more {@code /segment}s. */
    static final String POINTER = "(/[^/]+)+";

    /** @param secret the webhook's "HMAC SHA1 Signature Token"; unset: the Zammad endpoint answers 404 */
    record Zammad(String secret) {
        boolean enabled() {
            return present(secret);
        }

        @Override
        public String toString() {
            return "Zammad[enabled=" + enabled() + "]";
        }
    }

    /**
     * @param secret          the webhook's signing secret (Admin Center, "Reveal secret"); unset: 404
     * @param timestampWindow a signature timestamp further than this from now (either way) is refused: a captured
     *                        request cannot be replayed later
     */
    record Zendesk(String secret,
                   @NotNull @DurationMin(seconds = 10) @DurationMax(hours = 1) @DefaultValue("5m") Duration timestampWindow) {
        boolean enabled() {
            return present(secret);
        }

        @Override
        public String toString() {
            return "Zendesk[enabled=" + enabled() + ", timestampWindow=" + timestampWindow + "]";
        }
    }

    /**
     * Freshdesk signs nothing: the automation rule authenticates with HTTP Basic or an API-key header; either
     * configured enables it.
     *
     * @param username     the rule's Basic-auth user
     * @param password     the rule's Basic-auth password
     * @param apiKey       the value the rule sends in {@code apiKeyHeader}
     * @param apiKeyHeader the header the rule sends {@code apiKey} in (a custom header of the rule)
     */
    record Freshdesk(String username, String password, String apiKey,
                     @NotNull @DefaultValue("X-Webhook-Token") String apiKeyHeader) {
        boolean basicEnabled() {
            return present(username) && present(password);
        }

        boolean apiKeyEnabled() {
            return present(apiKey);
        }

        boolean enabled() {
            return basicEnabled() || apiKeyEnabled();
        }

        @Override
        public String toString() {
            return "Freshdesk[basic=" + basicEnabled() + ", apiKey=" + apiKeyEnabled() + ", apiKeyHeader="
                    + apiKeyHeader + "]";
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
