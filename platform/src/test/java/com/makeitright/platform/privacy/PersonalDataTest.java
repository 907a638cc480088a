package com.makeitright.platform.privacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataTest {

    private static final byte[] KEK = filled(7);
    private final PersonalData data = new PersonalData(KEK);
    private final String ID = data.newKeyId();
    private final Map<String, String> fields = fields("Zelda Quillfeather", "zelda.q@example.org", null);

    @Test
    void sealedFieldsOpenWithTheCustomersKeyAndShowNoPlaintext() {
        byte[] key = data.newWrappedKey("C-1");
        byte[] sealed = data.seal("C-1", ID, key, fields);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Zelda", "zelda.q");
        PersonalData.Opened opened = data.open("C-1", key, sealed);
        assertThat(opened.isOpen()).isTrue();
        assertThat(opened.field("name")).isEqualTo("Zelda Quillfeather");
        assertThat(opened.field("email")).isEqualTo("zelda.q@example.org");
        assertThat(opened.field("phone")).isNull();
    }

    @Test
    void sealedFieldsNameTheirKeySoThatACustomerMayHaveSeveral() {
        byte[] first = data.newWrappedKey("C-1");
        String secondId = data.newKeyId();
        byte[] second = data.newWrappedKey("C-1");

        byte[] sealed = data.seal("C-1", secondId, second, fields);

        assertThat(secondId).hasSize(PersonalData.KEY_ID_LENGTH).doesNotContain("|").isNotEqualTo(ID);
        assertThat(PersonalData.keyIdOf(sealed)).isEqualTo(secondId);
        assertThat(data.open("C-1", second, sealed).field("name")).isEqualTo("Zelda Quillfeather");
        assertThat(data.open("C-1", first, sealed).isOpen()).isFalse();
        assertThat(PersonalData.keyIdOf(new byte[] {1, 2, 3})).isNull();
    }

    @Test
    void eachSealingHasItsOwnNonceSoEqualFieldsLookDifferent() {
        byte[] key = data.newWrappedKey("C-1");

        assertThat(data.seal("C-1", ID, key, fields)).isNotEqualTo(data.seal("C-1", ID, key, fields));
        assertThat(data.newWrappedKey("C-1")).isNotEqualTo(key);
    }

    @Test
    void withoutItsKeyTheFieldsOpenAsErasedNotAsAnException() {
        byte[] sealed = data.seal("C-1", ID, data.newWrappedKey("C-1"), fields);

        PersonalData.Opened opened = data.open("C-1", null, sealed);
        assertThat(opened.status()).isEqualTo(PersonalData.Opened.Status.ERASED);
        assertThat(opened.field("name")).isEqualTo(PersonalData.ERASED);
        assertThat(opened.field("phone")).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void aTamperedBlobAnotherCustomersKeyOrAnotherKeyEncryptionKeyDoNotOpen() {
        byte[] key = data.newWrappedKey("C-1");
        byte[] sealed = data.seal("C-1", ID, key, fields);
        byte[] tampered = Arrays.copyOf(sealed, sealed.length);
        tampered[tampered.length - 20] ^= 1;

        assertThat(data.open("C-1", key, tampered).status()).isEqualTo(PersonalData.Opened.Status.UNREADABLE);
        assertThat(data.open("C-1", data.newWrappedKey("C-1"), sealed).field("name")).isEqualTo(PersonalData.UNREADABLE);
        // the key and the blob are bound to the customer id: neither opens as another customer's
        assertThat(data.open("C-2", key, sealed).isOpen()).isFalse();
        assertThat(new PersonalData(filled(8)).open("C-1", key, sealed).isOpen()).isFalse();
        assertThat(data.open("C-1", key, new byte[] {1, 2, 3}).isOpen()).isFalse();
    }

    @Test
    void theKeyEncryptionKeyMustBeAes256() {
        assertThatThrownBy(() -> new PersonalData(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrivacyProperties("c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThat(new PrivacyProperties(PrivacyProperties.DEVELOPMENT_KEY).isDevelopmentKey()).isTrue();
        // unset (an empty PRIVACY_KEY_ENCRYPTION_KEY) is the development key, never an empty key
        assertThat(new PrivacyProperties("").isDevelopmentKey()).isTrue();
        assertThat(new PrivacyProperties(null).isDevelopmentKey()).isTrue();
    }

    private static Map<String, String> fields(String name, String email, String phone) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("phone", phone);
        return fields;
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
