package com.makeitright.intake;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The customer pages behind the links in the follow-up worker's mails ({@code makeitright.intake.customer-links.*},
 * environment {@code CUSTOMER_LINK_KEY}).
 *
 * @param key the HMAC-SHA256 key the worker signs links with, at least 32 characters; unset, the pages answer that
 *            answering by link is not set up (intake runs without the worker)
 * @param satisfiedFrom a satisfaction score (1-5) from this one up counts as satisfied; below it the case reopens
 *            with the customer's comment, as an unsatisfied {@code follow-up-outcome} does
 */
@Validated
@ConfigurationProperties("makeitright.intake.customer-links")
public record CustomerLinksProperties(
        @Pattern(regexp = "|.{32,}", message = "must have at least 32 characters, or be left unset") String key,
        @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(5)
        @org.springframework.boot.context.properties.bind.DefaultValue("4") int satisfiedFrom) {

    public boolean enabled() {
        return key != null && !key.isEmpty();
    }
}
