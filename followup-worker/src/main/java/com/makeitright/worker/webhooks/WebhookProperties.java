package com.makeitright.worker.webhooks;

import com.makeitright.worker.outbound.DeliverySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Outgoing webhooks ({@code makeitright.webhooks.*}), validated at start-up. Documented in docs/follow-up-worker.md.
 *
 * @param subscriptions who receives which events; none by default
 * @param delivery      retries and timeouts of one delivery, the same for every subscription
 */
@Validated
@ConfigurationProperties("makeitright.webhooks")
record WebhookProperties(
        @NotNull @Valid @DefaultValue List<Subscription> subscriptions,
        @NotNull @Valid @DefaultValue DeliverySettings delivery) {

    WebhookProperties {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Subscription subscription : subscriptions) {
            if (subscription.name() != null && !names.add(subscription.name())) {
                problems.add("makeitright.webhooks.subscriptions: the name '" + subscription.name()
                        + "' is used twice (it names the consumer group and the dead-letter topic)");
            }
            // Checked here, not by @Size: a Bean Validation error would print the rejected value, the secret.
            if (subscription.secret() != null && subscription.secret().length() < 32) {
                problems.add("makeitright.webhooks.subscriptions '" + subscription.name()
                        + "': the secret must have at least 32 characters");
            }
            if (subscription.events() != null) {
                for (String event : subscription.events()) {
                    if (WebhookTopics.byEventName(event).isEmpty()) {
                        problems.add("makeitright.webhooks.subscriptions '" + subscription.name() + "': unknown event '"
                                + event + "'; choose among " + WebhookTopics.eventNames());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * @param name   lower-case letters, digits and dashes; names the consumer group and the dead-letter topic
     * @param url    where each event is POSTed
     * @param secret the HMAC-SHA256 key of the signature, shared with the receiver
     * @param events the event names wanted, among {@link WebhookTopics#eventNames()}
     * @param start  where a new subscription (no progress yet) begins: {@code LATEST} (what comes from now on) or
     *               {@code EARLIEST} (every event the topics still retain)
     */
    record Subscription(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,47}", message = "must be 1-48 of a-z, 0-9 and '-'")
            String name,
            @NotNull @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
            @NotNull String secret,
            @NotEmpty Set<String> events,
            @NotNull @DefaultValue("LATEST") Start start) {

        @Override
        public String toString() { // never the secret in a log or an error message
            return "Subscription[name=" + name + ", url=" + url + ", events=" + events + ", start=" + start + "]";
        }
    }

    enum Start { LATEST, EARLIEST }
}
