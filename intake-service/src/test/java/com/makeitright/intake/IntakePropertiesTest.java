package com.makeitright.intake;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Intake's settings bind from the environment's strings and refuse nonsense at start-up, saying which. */
class IntakePropertiesTest {

    @Configuration
    @EnableConfigurationProperties(IntakeProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void bindsDurationsAndTheTransactionalId() {
        context.withPropertyValues("makeitright.intake.view-wait=750ms", "makeitright.intake.ready-wait=2s",
                        "makeitright.intake.transactional-id=intake-2")
                .run(started -> {
                    IntakeProperties properties = started.getBean(IntakeProperties.class);
                    assertThat(properties.getViewWait()).isEqualTo(Duration.ofMillis(750));
                    assertThat(properties.getReadyWait()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(properties.getCatchUpLimit()).isEqualTo(Duration.ofSeconds(60));
                    assertThat(properties.getTransactionalId()).isEqualTo("intake-2");
                });
    }

    @Test
    void refusesABlankTransactionalIdAndANonPositiveWait() {
        context.withPropertyValues("makeitright.intake.transactional-id= ", "makeitright.intake.view-wait=0s")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("transactionalId")
                        .hasMessageContaining("must name the transactional producer of this intake instance")
                        .hasMessageContaining("viewWait"));
    }
}
