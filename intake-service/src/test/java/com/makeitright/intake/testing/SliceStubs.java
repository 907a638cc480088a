package com.makeitright.intake.testing;

import com.makeitright.intake.status.UnappliedWrites;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Beans an HTTP slice test gives intake instead of Kafka: an in-memory view, a recording publisher, a fixed clock. */
@TestConfiguration(proxyBeanMethods = false)
public class SliceStubs {

    public static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Bean
    public UnappliedWrites unappliedWrites() {
        return new UnappliedWrites(1_000, 1_000_000, Duration.ofMinutes(5), System::nanoTime);
    }

    @Bean
    public InMemoryViews inMemoryViews(UnappliedWrites unapplied) {
        return new InMemoryViews(unapplied);
    }

    @Bean
    public RecordingPublisher recordingPublisher(InMemoryViews views) {
        return new RecordingPublisher(views);
    }

    @Bean
    public Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
