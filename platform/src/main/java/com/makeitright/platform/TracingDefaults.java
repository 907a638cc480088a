package com.makeitright.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Tracing as the services want it unless configured otherwise: every complaint traced (a complaint is rare
 * enough, and a missing trace is the one you need), the trace context carried across Reactor's thread hops, and
 * spans exported over OTLP only when the standard OpenTelemetry variable names a collector:
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} as it is, or {@code OTEL_EXPORTER_OTLP_ENDPOINT} plus
 * {@code /v1/traces} (as the OpenTelemetry SDKs read them). Without either, nothing is exported or attempted.
 */
public final class TracingDefaults implements EnvironmentPostProcessor, Ordered {

    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String SAMPLING = "management.tracing.sampling.probability";
    static final String CONTEXT_PROPAGATION = "spring.reactor.context-propagation";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(SAMPLING, "1.0");
        defaults.put(CONTEXT_PROPAGATION, "auto");
        String endpoint = endpoint(environment.getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
                environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT"));
        if (endpoint != null) {
            defaults.put(ENDPOINT, endpoint);
        }
        defaults.keySet().removeIf(environment::containsProperty); // anything configured explicitly wins
        environment.getPropertySources().addLast(new MapPropertySource("tracingDefaults", defaults));
    }

    /** The OTLP/HTTP traces URL from the OpenTelemetry variables, or null when neither is set. */
    static String endpoint(String tracesEndpoint, String endpoint) {
        if (tracesEndpoint != null && !tracesEndpoint.isBlank()) {
            return tracesEndpoint.trim();
        }
        if (endpoint != null && !endpoint.isBlank()) {
            String base = endpoint.trim();
            return (base.endsWith("/") ? base : base + "/") + "v1/traces";
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
