package com.makeitright.intake;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

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
    void bindsDurationsSizesAndTheTransactionalId() {
        context.withPropertyValues("makeitright.intake.publish-timeout=750ms", "makeitright.intake.ready-wait=2s",
                        "makeitright.intake.transactional-id=intake-2", "makeitright.intake.unapplied.max-bytes=8MB",
                        "makeitright.intake.view.closed-grace=7d")
                .run(started -> {
                    IntakeProperties properties = started.getBean(IntakeProperties.class);
                    assertThat(properties.publishTimeout()).isEqualTo(Duration.ofMillis(750));
                    assertThat(properties.readyWait()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(properties.catchUpLimit()).isEqualTo(Duration.ofSeconds(60));
                    assertThat(properties.transactionalId()).isEqualTo("intake-2");
                    assertThat(properties.unapplied().maxBytes()).isEqualTo(DataSize.ofMegabytes(8));
                    assertThat(properties.unapplied().maxEvents()).isEqualTo(20_000);
                    assertThat(properties.unapplied().ttl()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(properties.view().closedGrace()).isEqualTo(Duration.ofDays(7));
                    assertThat(properties.view().idleRetention()).isEqualTo(Duration.ofDays(365));
                    assertThat(properties.view().maxEventsPerComplaint()).isEqualTo(500);
                    assertThat(properties.inFlightMaxKeys()).isEqualTo(10_000);
                });
    }

    @Test
    void anUnsetOrEmptyTransactionalIdIsDerivedLater() {
        context.withPropertyValues("makeitright.intake.transactional-id=")
                .run(started -> assertThat(started.getBean(IntakeProperties.class).transactionalId()).isEmpty());
        context.run(started -> assertThat(started.getBean(IntakeProperties.class).transactionalId()).isNull());
    }

    @Test
    void refusesATransactionalIdWithSpacesAndAPublishTimeoutBelowTheBound() {
        context.withPropertyValues("makeitright.intake.transactional-id=intake two", "makeitright.intake.publish-timeout=0s")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("transactionalId")
                        .hasMessageContaining("must name the transactional producer of this intake instance")
                        .hasMessageContaining("publishTimeout"));
    }
}
