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
 */
@Validated
@ConfigurationProperties("makeitright.intake.customer-links")
public record CustomerLinksProperties(
        @Pattern(regexp = "|.{32,}", message = "must have at least 32 characters, or be left unset") String key) {

    public boolean enabled() {
        return key != null && !key.isEmpty();
    }
}
