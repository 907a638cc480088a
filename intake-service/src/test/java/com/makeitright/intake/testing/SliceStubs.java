package com.makeitright.intake.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Beans an HTTP slice test gives intake instead of Kafka: an in-memory view, a recording publisher, a fixed clock. */
@TestConfiguration(proxyBeanMethods = false)
public class SliceStubs {

    public static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Bean
    public InMemoryViews inMemoryViews() {
        return new InMemoryViews();
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
