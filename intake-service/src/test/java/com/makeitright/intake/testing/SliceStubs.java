package com.makeitright.intake.testing;

import com.makeitright.intake.ratelimit.IntegrationLimits;
import com.makeitright.intake.contacts.OpenCases;

import com.makeitright.intake.status.UnappliedWrites;
import com.makeitright.intake.status.ViewCatchUp;
import com.makeitright.testing.security.TestCredentials;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Beans an HTTP slice test gives intake instead of Kafka: an in-memory view, a recording publisher, a fixed clock,
 * and the caller a slice has no security chain to authenticate: the test suite's client, with every role.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SliceStubs {

    public static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Bean
    public UnappliedWrites unappliedWrites() {
        return new UnappliedWrites(1_000, 1_000_000, Duration.ofMinutes(5), System::nanoTime);
    }

    /** Webhooks in a slice are never rate limited (AccessIT limits them on the running service). */
    @Bean
    public IntegrationLimits integrationLimits() {
        return integration -> {
        };
    }

    @Bean
    public InMemoryViews inMemoryViews(UnappliedWrites unapplied) {
        return new InMemoryViews(unapplied);
    }

    @Bean
    public RecordingPublisher recordingPublisher(InMemoryViews views) {
        return new RecordingPublisher(views);
    }

    /** The principal the platform's chain would set: a slice tests one controller, not who may call it. */
    @Bean
    public WebFilter sliceCaller() {
        TestingAuthenticationToken caller = new TestingAuthenticationToken(TestCredentials.SUITE, "",
                TestCredentials.ROLES.stream().map(role -> "ROLE_" + role).toArray(String[]::new));
        return (exchange, chain) -> chain.filter(exchange.mutate().principal(Mono.just(caller)).build());
    }

    /** No open cases: every complaint is a new one (repeat contacts are tested on the real store in IntakeIT). */
    @Bean
    public OpenCases openCases() {
        return incoming -> Mono.just(Optional.empty());
    }

    /** The in-memory view holds whatever was published: it is always caught up. */
    @Bean
    public ViewCatchUp viewCatchUp() {
        return (topic, recordKey) -> Mono.empty();
    }

    @Bean
    public InMemorySealing inMemorySealing() {
        return new InMemorySealing();
    }

    @Bean
    public Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
