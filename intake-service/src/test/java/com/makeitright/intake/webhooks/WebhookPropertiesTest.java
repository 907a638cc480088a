package com.makeitright.intake.webhooks;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** A generic source is checked at start-up: a nonsense block stops the start, naming the setting. */
class WebhookPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(WebhookProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void aGenericSourceWithAnUnknownAlgorithmAndNoTicketIdPointerStopsTheStart() {
        context.withPropertyValues("makeitright.intake.webhooks.generic.acme.secret=s",
                        "makeitright.intake.webhooks.generic.acme.algorithm=MD5",
                        "makeitright.intake.webhooks.generic.acme.signature-header=X-Sig",
                        "makeitright.intake.webhooks.generic.acme.fields.ticket-id=ticket.id",
                        "makeitright.intake.webhooks.generic.acme.fields.subject=/s",
                        "makeitright.intake.webhooks.generic.acme.fields.description=/d")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("algorithm").hasMessageContaining("ticketId"));
    }

    @Test
    void aValidGenericSourceBinds() {
        context.withPropertyValues("makeitright.intake.webhooks.generic.acme.secret=s",
                        "makeitright.intake.webhooks.generic.acme.algorithm=HmacSHA1",
                        "makeitright.intake.webhooks.generic.acme.signature-header=X-Sig",
                        "makeitright.intake.webhooks.generic.acme.fields.ticket-id=/ticket/id",
                        "makeitright.intake.webhooks.generic.acme.fields.subject=/s",
                        "makeitright.intake.webhooks.generic.acme.fields.description=/d")
                .run(started -> {
                    WebhookProperties.Generic acme = started.getBean(WebhookProperties.class).generic().get("acme");
                    assertThat(acme.encoding()).isEqualTo("hex");
                    assertThat(acme.fields().ticketId()).isEqualTo("/ticket/id");
                    assertThat(acme.toString()).doesNotContain("secret=");
                });
    }
}
