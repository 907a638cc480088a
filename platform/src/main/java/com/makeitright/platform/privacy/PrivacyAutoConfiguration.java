package com.makeitright.platform.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The {@link PersonalData} every service seals and opens personal fields with (docs/privacy.md). */
@AutoConfiguration
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyAutoConfiguration.class);

    @Bean
    PersonalData personalData(PrivacyProperties properties) {
        if (properties.isDevelopmentKey()) {
            log.warn("Personal data is sealed with the published development key-encryption key: set "
                    + "PRIVACY_KEY_ENCRYPTION_KEY (32 random bytes, base64) outside development");
        }
        return new PersonalData(properties.keyBytes());
    }
}
