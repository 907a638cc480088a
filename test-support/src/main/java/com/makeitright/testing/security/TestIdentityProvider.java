package com.makeitright.testing.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.security.interfaces.RSAPublicKey;

/**
 * A service started whole in a test JVM trusts the JWTs of the test identity provider ({@link TestCredentials#jwt}),
 * as a deployed one trusts its issuer's key set; only when no decoder is configured otherwise. Not in web slices,
 * which test one controller without the security chain.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration")
@ConditionalOnClass(ReactiveJwtDecoder.class)
public class TestIdentityProvider {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder testIdentityProviderJwtDecoder() {
        return NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) TestCredentials.identityProviderPublicKey()).build();
    }
}
