package com.makeitright.platform.privacy;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.Base64;

/**
 * Personal data protection (docs/privacy.md). Environment: {@code MAKEITRIGHT_PRIVACY_KEYENCRYPTIONKEY}.
 *
 * @param keyEncryptionKey the key that wraps every customer's data key: 32 random bytes, base64. The default is a
 *                         published development key (a warning is logged when it is used): production sets its own,
 *                         the same in every service
 */
@Validated
@ConfigurationProperties("makeitright.privacy")
public record PrivacyProperties(@NotBlank @DefaultValue(DEVELOPMENT_KEY) String keyEncryptionKey) {

    /** Known to everyone who reads this file: protects nothing, keeps a local stack running without a setting. */
    static final String DEVELOPMENT_KEY = "mfViVefGMhnksRCjYtrhCHR2yDUNDvqb3NB6ZVw4eIM=";

    public PrivacyProperties {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(keyEncryptionKey.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("makeitright.privacy.key-encryption-key is not base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("makeitright.privacy.key-encryption-key must be 32 bytes (base64 of "
                    + "32 random bytes), not " + key.length);
        }
    }

    byte[] keyBytes() {
        return Base64.getDecoder().decode(keyEncryptionKey.trim());
    }

    boolean isDevelopmentKey() {
        return DEVELOPMENT_KEY.equals(keyEncryptionKey.trim());
    }
}
