package com.makeitright.platform.privacy;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seals and opens a customer's personal fields (crypto-shredding, docs/privacy.md). Each customer has one random
 * AES-256 data key; it travels only wrapped by the key-encryption key (AES-256-GCM), so the compacted topic
 * {@code customers.data-keys} alone reveals nothing. A sealed field set is its JSON encrypted with AES-256-GCM under
 * the data key, a random 96-bit nonce per record, and the customer id as associated data (a blob copied onto
 * another customer does not open). Layout of a wrapped key: {@code 1 | nonce(12) | ciphertext+tag}; of sealed fields:
 * {@code 2 | keyId(16) | nonce(12) | ciphertext+tag}. The key id names which of the customer's keys sealed them: two
 * intake instances that each create a first key for one customer at once both keep their data readable
 * ({@link CustomerDataKeys}). Fields sealed in layout 1 (before key ids) name no key and open with the customer's
 * key stored under the bare customer id.
 * <p>
 * Opening without a key (the customer was erased, or their data expired) gives {@link Opened#erased()}, never an
 * exception: an erased customer's events are still processed and never dead-lettered.
 */
public final class PersonalData {

    /** What a reader shows in place of a personal field whose key is gone. */
    public static final String ERASED = "erased";
    /** What a reader shows in place of a field that does not open with its key (tampered, wrong key). */
    public static final String UNREADABLE = "unreadable";

    /** Length of a key id: 12 random bytes, base64url without padding (ASCII, never contains '|'). */
    public static final int KEY_ID_LENGTH = 16;

    private static final byte VERSION = 1;
    private static final byte VERSION_WITH_KEY_ID = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private final SecretKey keyEncryptionKey;
    private final SecureRandom random = new SecureRandom();

    /** @param keyEncryptionKey 32 bytes (AES-256) */
    public PersonalData(byte[] keyEncryptionKey) {
        if (keyEncryptionKey == null || keyEncryptionKey.length != 32) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (AES-256)");
        }
        this.keyEncryptionKey = new SecretKeySpec(keyEncryptionKey, "AES");
    }

    /** A new random data key for a customer, wrapped: the value to write to {@code customers.data-keys}. */
    public byte[] newWrappedKey(String customerId) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return encrypt(keyEncryptionKey, customerId, generator.generateKey().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has AES-256-GCM", e);
        }
    }

    /** A new random key id, to write a new data key under (see {@link CustomerDataKeys#recordKey}). */
    public String newKeyId() {
        byte[] id = new byte[12];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /**
     * Seals the fields (null values are kept as null) with the customer's wrapped data key, whose id the sealed bytes
     * carry in clear (it says which key opens them, nothing about the customer).
     */
    public byte[] seal(String customerId, String keyId, byte[] wrappedKey, Map<String, String> fields) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        if (id.length != KEY_ID_LENGTH) {
            throw new IllegalArgumentException("a key id is " + KEY_ID_LENGTH + " characters");
        }
        try {
            SecretKey dataKey = unwrap(customerId, wrappedKey);
            byte[] sealed = encrypt(dataKey, customerId, JSON.writeValueAsBytes(fields));
            // layout 2 = layout 1 with the key id after the version byte
            return ByteBuffer.allocate(sealed.length + KEY_ID_LENGTH).put(VERSION_WITH_KEY_ID).put(id)
                    .put(sealed, 1, sealed.length - 1).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal personal data of customer " + customerId, e);
        }
    }

    /** The id of the key that sealed these bytes; null for fields sealed before key ids (or not sealed fields). */
    public static String keyIdOf(byte[] sealed) {
        if (sealed == null || sealed.length <= 1 + KEY_ID_LENGTH || sealed[0] != VERSION_WITH_KEY_ID) {
            return null;
        }
        return new String(sealed, 1, KEY_ID_LENGTH, StandardCharsets.US_ASCII);
    }

    /**
     * Opens sealed fields. {@code wrappedKey} null: the key is gone, {@link Opened#erased()}. A key or blob that
     * does not open (tampered, another customer's, another key-encryption key): {@link Opened#unreadable()}.
     */
    public Opened open(String customerId, byte[] wrappedKey, byte[] sealed) {
        if (wrappedKey == null) {
            return Opened.erased();
        }
        try {
            SecretKey dataKey = unwrap(customerId, wrappedKey);
            return Opened.of(JSON.readValue(decrypt(dataKey, customerId, withoutKeyId(sealed)), FIELDS));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Opened.unreadable();
        }
    }

    /** Layout 2 back to layout 1, which {@link #decrypt} reads. */
    private static byte[] withoutKeyId(byte[] sealed) {
        if (keyIdOf(sealed) == null) {
            return sealed;
        }
        byte[] plain = new byte[sealed.length - KEY_ID_LENGTH];
        plain[0] = VERSION;
        System.arraycopy(sealed, 1 + KEY_ID_LENGTH, plain, 1, plain.length - 1);
        return plain;
    }

    private SecretKey unwrap(String customerId, byte[] wrappedKey) throws GeneralSecurityException {
        return new SecretKeySpec(decrypt(keyEncryptionKey, customerId, wrappedKey), "AES");
    }

    private byte[] encrypt(SecretKey key, String customerId, byte[] plain) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(customerId.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plain);
        return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    }

    private static byte[] decrypt(SecretKey key, String customerId, byte[] blob) throws GeneralSecurityException {
        if (blob == null || blob.length < 1 + NONCE_BYTES + TAG_BITS / 8 || blob[0] != VERSION) {
            throw new AEADBadTagException("not a sealed value of version " + VERSION);
        }
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 1, NONCE_BYTES));
        cipher.updateAAD(customerId.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(blob, 1 + NONCE_BYTES, blob.length - 1 - NONCE_BYTES);
    }

    /** Opened fields, or why there are none. */
    public record Opened(Status status, Map<String, String> fields) {

        public enum Status { OPEN, ERASED, UNREADABLE }

        static Opened of(Map<String, String> fields) {
            return new Opened(Status.OPEN, Map.copyOf(withoutNulls(fields)));
        }

        public static Opened erased() {
            return new Opened(Status.ERASED, Map.of());
        }

        static Opened unreadable() {
            return new Opened(Status.UNREADABLE, Map.of());
        }

        /** The field as sealed (null stays null), or the marker {@code "erased"} / {@code "unreadable"}. */
        public String field(String name) {
            return switch (status) {
                case OPEN -> fields.get(name);
                case ERASED -> ERASED;
                case UNREADABLE -> UNREADABLE;
            };
        }

        public boolean isOpen() {
            return status == Status.OPEN;
        }

        private static Map<String, String> withoutNulls(Map<String, String> fields) {
            Map<String, String> copy = new LinkedHashMap<>();
            fields.forEach((k, v) -> {
                if (v != null) {
                    copy.put(k, v);
                }
            });
            return copy;
        }
    }
}
