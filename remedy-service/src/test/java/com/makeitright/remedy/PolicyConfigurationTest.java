package com.makeitright.remedy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A nonsense remedy policy stops remedy-service at start-up, before it consumes anything, with a message that
 * names the property. (No broker is needed: binding fails before Kafka is touched.)
 */
class PolicyConfigurationTest {

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
        Throwable failure = catchThrowable(() -> {
            try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(RemedyApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.kafka.bootstrap-servers=localhost:1", property + "=" + value)
                    .run()) {
                // started: the assertion below fails
            }
        });

        assertThat(failure).as("start-up must fail").isNotNull();
        assertThat(messages(failure)).anySatisfy(m -> assertThat(m).contains(message));
        assertThat(messages(failure)).anySatisfy(m -> assertThat(m).contains("remedy.policy"));
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
