package com.makeitright.platform.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Base64;

/**
 * Personal data protection (docs/privacy.md). Environment: {@code PRIVACY_KEY_ENCRYPTION_KEY} (each service's
 * application.yml), or Spring's {@code MAKEITRIGHT_PRIVACY_KEYENCRYPTIONKEY}.
 *
 * @param keyEncryptionKey the key that wraps every customer's data key: 32 random bytes, base64. Unset or blank: a
 *                         published development key (a warning is logged when it is used); production sets its own,
 *                         the same in every service. {@code ./complaints up} makes one per run directory
 */
@ConfigurationProperties("makeitright.privacy")
public record PrivacyProperties(String keyEncryptionKey) {

    /** Known to everyone who reads this file: protects nothing, keeps a local stack running without a setting. */
    static final String DEVELOPMENT_KEY = "mfViVefGMhnksRCjYtrhCHR2yDUNDvqb3NB6ZVw4eIM=";

    public PrivacyProperties {
        if (keyEncryptionKey == null || keyEncryptionKey.isBlank()) {
            keyEncryptionKey = DEVELOPMENT_KEY;
        }
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
