package com.makeitright.cli.stack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that wraps every customer's data key ({@code PRIVACY_KEY_ENCRYPTION_KEY}, docs/privacy.md). The local stack
 * makes one per run directory, kept in {@code RUN_DIR/secrets/key-encryption-key} (owner-only), and gives it to every
 * service, so the published development key is never used by it. Kept across restarts: a new key would make every
 * customer's sealed data unreadable.
 */
public final class KeyEncryptionKey {

    public static final String VARIABLE = "PRIVACY_KEY_ENCRYPTION_KEY";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    private KeyEncryptionKey(Path file) {
        this.file = file;
    }

    public static KeyEncryptionKey of(StackConfig config) {
        return new KeyEncryptionKey(config.runDir().resolve("secrets").resolve("key-encryption-key"));
    }

    public Path file() {
        return file;
    }

    /** The key (base64 of 32 bytes), made on first use. */
    public String ensure() {
        String key = StackSecret.ensure(file, KeyEncryptionKey::newKey);
        try {
            if (Base64.getDecoder().decode(key).length == 32) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new StackException(file + " holds no usable key (base64 of 32 bytes); every customer's sealed data"
                + " depends on it: restore it, or delete it (their sealed data becomes unreadable) and ./complaints up"
                + " makes a new one");
    }

    /** 32 random bytes (AES-256), base64. */
    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
