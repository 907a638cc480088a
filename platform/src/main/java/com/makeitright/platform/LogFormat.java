package com.makeitright.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Locale;
import java.util.Map;

/**
 * {@code LOG_FORMAT=json} turns every service's console log into one JSON object per line (Elastic Common Schema,
 * Spring Boot's structured logging; {@code logstash} and {@code gelf} also work); unset or {@code text} keeps
 * readable text. Runs before logging starts, and refuses an unknown value at start-up instead of ignoring it.
 * An explicit {@code logging.structured.format.console} wins.
 */
public final class LogFormat implements EnvironmentPostProcessor, Ordered {

    public static final String VARIABLE = "LOG_FORMAT";
    static final String STRUCTURED = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String structured = structuredFormat(environment.getProperty(VARIABLE, ""));
        if (structured != null && !environment.containsProperty(STRUCTURED)) {
            environment.getPropertySources().addLast(new MapPropertySource(VARIABLE, Map.of(STRUCTURED, structured)));
        }
    }

    /** The Spring Boot structured format for a {@code LOG_FORMAT} value, or null for plain text. */
    static String structuredFormat(String value) {
        String format = value.trim().toLowerCase(Locale.ROOT);
        return switch (format) {
            case "", "text" -> null;
            case "json", "ecs" -> "ecs";
            case "logstash", "gelf" -> format;
            default -> throw new IllegalArgumentException(VARIABLE + " must be text, json, ecs, logstash or gelf, not '"
                    + value + "'");
        };
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files are read, so LOG_FORMAT may live there too
    }
}
