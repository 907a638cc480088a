package com.makeitright.worker.webhooks;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up binding of {@code makeitright.webhooks}: a bad subscription stops the context naming the problem. */
class WebhookPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WebhookProperties.class)
    static class Binding {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Binding.class)
            .withPropertyValues("makeitright.webhooks.subscriptions[0].name=crm",
                    "makeitright.webhooks.subscriptions[0].url=https://crm.example/hook",
                    "makeitright.webhooks.subscriptions[0].secret=" + "s".repeat(32),
                    "makeitright.webhooks.subscriptions[0].events=RemedyOffered,ComplaintResolved");

    static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aGoodSubscriptionBindsWithTheDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            WebhookProperties properties = context.getBean(WebhookProperties.class);
            assertThat(properties.subscriptions()).singleElement().satisfies(subscription -> {
                assertThat(subscription.events()).containsExactlyInAnyOrder("RemedyOffered", "ComplaintResolved");
                assertThat(subscription.start()).isEqualTo(WebhookProperties.Start.LATEST);
                assertThat(subscription.toString()).doesNotContain(subscription.secret());
            });
            assertThat(properties.delivery().maxAttempts()).isEqualTo(5);
        });
    }

    @Test
    void anUnknownEventIsRefusedNamingTheChoices() {
        runner.withPropertyValues("makeitright.webhooks.subscriptions[0].events=RemedyOffered,ComplaintReceived")
                .run(context -> assertThat(messages(context.getStartupFailure()))
                        .contains("'crm': unknown event 'ComplaintReceived'")
                        .contains("[ComplaintAcknowledged, RemedyOffered, ComplaintResolved, FollowUpDue]"));
    }

    @Test
    void aNameUsedTwiceIsRefused() {
        runner.withPropertyValues("makeitright.webhooks.subscriptions[1].name=crm",
                        "makeitright.webhooks.subscriptions[1].url=https://other.example/hook",
                        "makeitright.webhooks.subscriptions[1].secret=" + "t".repeat(32),
                        "makeitright.webhooks.subscriptions[1].events=FollowUpDue")
                .run(context -> assertThat(messages(context.getStartupFailure()))
                        .contains("the name 'crm' is used twice"));
    }

    @Test
    void aShortSecretIsRefusedWithoutShowingIt() {
        runner.withPropertyValues("makeitright.webhooks.subscriptions[0].secret=too-short-a-secret")
                .run(context -> assertThat(messages(context.getStartupFailure()))
                        .contains("'crm': the secret must have at least 32 characters")
                        .doesNotContain("too-short-a-secret"));
    }

    @Test
    void aBadNameAndABadUrlAreRefusedNamingTheSetting() {
        runner.withPropertyValues("makeitright.webhooks.subscriptions[0].name=CRM system",
                        "makeitright.webhooks.subscriptions[0].url=ftp://crm.example")
                .run(context -> assertThat(messages(context.getStartupFailure()))
                        .contains("subscriptions[0].name").contains("must be 1-48 of a-z, 0-9 and '-'")
                        .contains("subscriptions[0].url").contains("must be an http(s) URL"));
    }

    /** The environment variables docs/follow-up-worker.md shows. */
    @Test
    void aSubscriptionBindsFromTheEnvironment() {
        Map<String, Object> environment = Map.of(
                "MAKEITRIGHT_WEBHOOKS_SUBSCRIPTIONS_0_NAME", "crm",
                "MAKEITRIGHT_WEBHOOKS_SUBSCRIPTIONS_0_URL", "https://crm.example/hooks/make-it-right",
                "MAKEITRIGHT_WEBHOOKS_SUBSCRIPTIONS_0_SECRET", "e".repeat(48),
                "MAKEITRIGHT_WEBHOOKS_SUBSCRIPTIONS_0_EVENTS", "RemedyOffered,ComplaintResolved");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Binding.class)
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment", environment)))
                .run(context -> assertThat(context.getBean(WebhookProperties.class).subscriptions()).singleElement()
                        .satisfies(subscription -> {
                            assertThat(subscription.name()).isEqualTo("crm");
                            assertThat(subscription.url()).isEqualTo("https://crm.example/hooks/make-it-right");
                            assertThat(subscription.events()).containsExactlyInAnyOrder("RemedyOffered",
                                    "ComplaintResolved");
                        }));
    }
}
