package com.makeitright.triage.stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Triage's settings bind into a record with their defaults, and nonsense stops the start with the property named. */
class TriagePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TriageProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void defaultsApplyWhenNothingIsSet() {
        runner.run(context -> {
            TriageProperties properties = context.getBean(TriageProperties.class);
            assertThat(properties.highValueFactor()).isEqualTo(0.5);
            assertThat(properties.acknowledgeWithin().p1Urgent()).isEqualTo(Duration.ofHours(1));
            assertThat(properties.acknowledgeWithin().p4Low()).isEqualTo(Duration.ofHours(72));
            assertThat(properties.deadlines()).isNotNull();
        });
    }

    @Test
    void aHighValueFactorAboveOneFailsTheStart() {
        runner.withPropertyValues("makeitright.triage.high-value-factor=1.5").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("highValueFactor")
                        .hasMessageContaining("must be at most 1"));
    }

    @Test
    void anAcknowledgeDeadlineCanBeChanged() {
        runner.withPropertyValues("makeitright.triage.acknowledge-within.p2-high=PT2H").run(context ->
                assertThat(context.getBean(TriageProperties.class).acknowledgeWithin().p2High())
                        .isEqualTo(Duration.ofHours(2)));
    }
}
