package com.makeitright.intake.webhooks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The helpdesks allowed to post tickets ({@code makeitright.intake.webhooks.*}, environment in application.yml).
 * A helpdesk without a secret is not enabled: its endpoint answers 404. Secrets are never logged and never
 * printed by {@code toString}.
 *
 * @param zammad    Zammad's webhook
 * @param zendesk   Zendesk's webhook
 * @param freshdesk Freshdesk's automation rule
 */
@Validated
@ConfigurationProperties("makeitright.intake.webhooks")
record WebhookProperties(@NotNull @Valid @DefaultValue Zammad zammad,
                         @NotNull @Valid @DefaultValue Zendesk zendesk,
                         @NotNull @Valid @DefaultValue Freshdesk freshdesk) {

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
