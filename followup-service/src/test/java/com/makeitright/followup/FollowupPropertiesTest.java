package com.makeitright.followup;

import com.makeitright.events.RootCause;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's settings bind from the environment's spelling and refuse bad values at start-up, naming them. */
class FollowupPropertiesTest {

    @EnableConfigurationProperties(FollowupProperties.class)
    static class Config {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void defaultsAreThreeDaysNoGraceAndASecondsScan() {
        runner.run(context -> {
            FollowupProperties properties = context.getBean(FollowupProperties.class);
            assertThat(properties.delay()).isEqualTo(Duration.ofDays(3));
            assertThat(properties.promiseGrace()).isZero();
            assertThat(properties.scanInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(properties.prevention().threshold()).isEqualTo(5);
            assertThat(properties.prevention().windowDays()).isEqualTo(30);
            assertThat(properties.prevention().rootCauses()).hasSize(9)
                    .doesNotContain(RootCause.EXTERNAL, RootCause.OTHER);
        });
    }

    @Test
    void bindsDurationsAndACommaSeparatedListOfRootCauses() {
        runner.withPropertyValues("followup.delay=PT5S", "followup.promise-grace=PT1H",
                        "followup.prevention.root-causes=PACKING_ERROR,BILLING")
                .run(context -> {
                    FollowupProperties properties = context.getBean(FollowupProperties.class);
                    assertThat(properties.delay()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.promiseGrace()).isEqualTo(Duration.ofHours(1));
                    assertThat(properties.prevention().rootCauses())
                            .containsExactlyInAnyOrder(RootCause.PACKING_ERROR, RootCause.BILLING);
                });
    }

    @Test
    void refusesANegativeDelay() {
        runner.withPropertyValues("followup.delay=-PT1S").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessage("followup.delay must not be negative, was PT-1S"));
    }

    @Test
    void refusesAThresholdBelowOne() {
        runner.withPropertyValues("followup.prevention.threshold=0").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("followup.prevention.threshold"));
    }

    @Test
    void refusesAWindowShorterThanADayAndAnUnknownRootCause() {
        runner.withPropertyValues("followup.prevention.window=PT1H").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("followup.prevention.window must be at least P1D"));
        runner.withPropertyValues("followup.prevention.root-causes=PACKING").run(context -> assertThat(context)
                .hasFailed().getFailure().hasStackTraceContaining("PACKING"));
    }
}
