package com.makeitright.intake.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Intake's per-client rate limits (SECURITY.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    ClientRateLimits clientRateLimits(RateLimitProperties properties) {
        return new ClientRateLimits(properties);
    }
}
