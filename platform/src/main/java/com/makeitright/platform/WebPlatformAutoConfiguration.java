package com.makeitright.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * problem+json for every HTTP error of a reactive service: the advice for what handlers throw, and a fallback for
 * whatever it does not answer.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Import(ProblemDetailsAdvice.class)
public class WebPlatformAutoConfiguration {

    @Bean
    ProblemFallback problemFallback() {
        return new ProblemFallback();
    }
}
