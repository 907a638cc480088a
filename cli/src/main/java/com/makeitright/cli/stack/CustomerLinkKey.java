package com.makeitright.cli.stack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs the answer links in the worker's mails and that intake checks them with
 * ({@code CUSTOMER_LINK_KEY}, docs/follow-up-worker.md). The local stack makes one per run directory, kept in
 * {@code RUN_DIR/secrets/customer-link-key} (owner-only, like the API keys), so links mailed before a restart still
 * work after it. Not in {@code credentials/}: every service reads that directory, and only two may know this key.
 */
public final class CustomerLinkKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    private CustomerLinkKey(Path file) {
        this.file = file;
    }

    public static CustomerLinkKey of(StackConfig config) {
        return new CustomerLinkKey(config.runDir().resolve("secrets").resolve("customer-link-key"));
    }

    public Path file() {
        return file;
    }

    /** The key, made on first use; a key made at the same moment by another {@code up} wins over ours. */
    public String ensure() {
        String key = StackSecret.ensure(file, CustomerLinkKey::newKey);
        if (key.length() < 32) {
            throw new StackException(file + " holds no usable key (at least 32 characters); delete it and"
                    + " ./complaints up makes a new one (links already mailed stop working)");
        }
        return key;
    }

    /** 48 random bytes, URL-safe base64 (64 characters): well above the 32 the services require. */
    static String newKey() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
