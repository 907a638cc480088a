package com.makeitright.remedy;

import com.makeitright.remedy.policy.PolicyProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A nonsense remedy policy stops remedy-service at start-up, before it consumes anything, with a message that
 * names the property. (No broker is needed: binding fails before Kafka is touched.) One case starts the real
 * application; the matrix binds the policy alone with the same validation, since each full start costs ~5 s.
 */
class PolicyConfigurationTest {

    private final ApplicationContextRunner policyAlone = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PolicyAlone.class);

    @Test
    void theRealServiceRefusesToStartWithANonsensePolicy() {
        Throwable failure = catchThrowable(() -> {
            // arguments, not default properties: application.yml's bootstrap-servers (localhost:9092) would win over
            // those, and a developer's local stack listens there
            try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(RemedyApplication.class)
                    .web(WebApplicationType.NONE)
                    .run("--spring.kafka.bootstrap-servers=localhost:1", "--remedy.policy.authority.agent=-5")) {
                // started: the assertion below fails
            }
        });

        assertThat(failure).as("start-up must fail").isNotNull();
        assertThat(messages(failure)).anySatisfy(m -> assertThat(m).contains("remedy.policy"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "remedy.policy.authority.supervisor | 40.00   | remedy.policy.authority.supervisor must not be below remedy.policy.authority.agent",
            "remedy.policy.authority.agent      | -5      | must be a non-negative amount with at most two decimals",
            "remedy.policy.authority.agent      | 50.005  | must be a non-negative amount with at most two decimals",
            "remedy.policy.negotiation.max-rounds | 0     | must be at least 1 (the first offer)",
            "remedy.policy.negotiation.offer-expiry | -PT1H | offer-expiry, approval-timeout and expiry-check-interval must be positive durations",
            "remedy.policy.weights.anger.HOSTILE | 1.5    | must give a churn probability between 0 and 1 for every anger level",
            "remedy.policy.currency-factors.XYZ | 2       | every key must be an ISO 4217 code",
            "remedy.policy.goodwill.max         | 1.00    | remedy.policy.goodwill.max must not be below remedy.policy.goodwill.min",
    })
    void aNonsensePolicyFailsTheStartWithAClearMessage(String property, String value, String message) {
        policyAlone.withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).as("start-up must fail").hasFailed();
            assertThat(messages(context.getStartupFailure())).anySatisfy(m -> assertThat(m).contains(message));
            assertThat(messages(context.getStartupFailure())).anySatisfy(m -> assertThat(m).contains("remedy.policy"));
        });
    }

    @Test
    void theDefaultPolicyBinds() {
        policyAlone.run(context -> assertThat(context).hasNotFailed().hasSingleBean(PolicyProperties.class));
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PolicyProperties.class)
    static class PolicyAlone {
    }
}
