package com.makeitright.testing.security;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes every Spring Boot application started in a test JVM know the {@link TestCredentials} clients, after
 * whatever else it is configured with (the lowest precedence): the production keys stay out of tests and the test
 * keys out of production, since only tests have this module.
 */
public final class TestCredentialsEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("testCredentials",
                TestCredentials.serviceProperties()));
    }
}
