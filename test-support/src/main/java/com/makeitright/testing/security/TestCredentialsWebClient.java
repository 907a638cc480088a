package com.makeitright.testing.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Every auto-configured {@code WebTestClient} sends the {@link TestCredentials#SUITE} key by default (a request
 * may replace the header with one role's key, or remove it to be anonymous).
 */
@AutoConfiguration
@ConditionalOnClass(WebTestClientBuilderCustomizer.class)
public class TestCredentialsWebClient {

    @Bean
    WebTestClientBuilderCustomizer testCredentials() {
        return builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, TestCredentials.bearer(TestCredentials.SUITE));
    }
}
