package com.makeitright.cli.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local stack's API keys: one per role, private to their owner, made once, and what the services are told. */
class CredentialsTest {

    @Test
    void upMakesOneOwnerOnlyKeyPerRoleOnceAndKeepsThem(@TempDir Path project) throws IOException {
        StackConfig config = StackConfig.builder(project).runDir(project.resolve(".run")).build();
        Credentials credentials = Credentials.of(config);

        assertThat(credentials.ensure()).containsExactlyElementsOf(Credentials.ROLES);
        String helpdesk = credentials.key("helpdesk").orElseThrow();
        assertThat(credentials.ensure()).as("a second up keeps the keys").isEmpty();

        assertThat(credentials.key("helpdesk")).hasValue(helpdesk);
        assertThat(helpdesk).startsWith("mir_").hasSize(4 + 43).doesNotContain(".");
        assertThat(credentials.key("agent")).isPresent().isNotEqualTo(credentials.key("helpdesk"));
        assertThat(credentials.bearer("viewer")).isEqualTo("Bearer " + credentials.key("viewer").orElseThrow());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.directory())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.directory().resolve("ops"))))
                .isEqualTo("rw-------");
        assertThat(config.serviceEnvironment(Component.INTAKE, java.util.Map.of()))
                .containsEntry(Credentials.SERVICE_VARIABLE, credentials.directory().toString());
    }

    @Test
    void theCustomerLinkKeyIsMadeOnceOwnerOnlyAndLongEnough(@TempDir Path project) throws IOException {
        StackConfig config = StackConfig.builder(project).runDir(project.resolve(".run")).build();
        CustomerLinkKey key = CustomerLinkKey.of(config);

        String first = key.ensure();

        assertThat(first).hasSize(64).matches("[A-Za-z0-9_-]+");
        assertThat(CustomerLinkKey.of(config).ensure()).as("a second up keeps it").isEqualTo(first);
        assertThat(key.file()).isEqualTo(project.resolve(".run/secrets/customer-link-key"));
        assertThat(key.file().startsWith(Credentials.of(config).directory())).as("not readable by every service")
                .isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.file().getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.file()))).isEqualTo("rw-------");
        assertThat(CustomerLinkKey.newKey()).isNotEqualTo(CustomerLinkKey.newKey());
    }

    @Test
    void theKeyEncryptionKeyIsMadeOnceOwnerOnlyAes256AndNeverTheDevelopmentKey(@TempDir Path project)
            throws IOException {
        StackConfig config = StackConfig.builder(project).runDir(project.resolve(".run")).build();
        KeyEncryptionKey key = KeyEncryptionKey.of(config);

        String first = key.ensure();

        assertThat(java.util.Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(first).isNotEqualTo("mfViVefGMhnksRCjYtrhCHR2yDUNDvqb3NB6ZVw4eIM="); // the published one
        assertThat(KeyEncryptionKey.of(config).ensure()).as("a second up keeps it").isEqualTo(first);
        assertThat(key.file()).isEqualTo(project.resolve(".run/secrets/key-encryption-key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.file().getParent())))
                .isEqualTo("rwx------");
        Files.writeString(key.file(), "not a key\n");
        assertThatThrownBy(key::ensure).isInstanceOf(StackException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void withoutKeysACommandSendsNoBearer(@TempDir Path project) {
        Credentials none = Credentials.of(StackConfig.builder(project).runDir(project.resolve(".run")).build());

        assertThat(none.key("helpdesk")).isEmpty();
        assertThat(none.bearer("helpdesk")).isNull();
    }
}
