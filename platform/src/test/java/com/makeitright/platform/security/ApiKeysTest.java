package com.makeitright.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API-key clients from configuration and from a directory of key files; only hashes are kept. */
class ApiKeysTest {

    private static SecurityProperties.ApiKeyClient client(String sha256, String... roles) {
        SecurityProperties.ApiKeyClient client = new SecurityProperties.ApiKeyClient();
        client.setSha256(sha256);
        client.setRoles(List.of(roles));
        return client;
    }

    @Test
    void aConfiguredClientIsFoundByItsKeyAndNothingElse() {
        SecurityProperties properties = new SecurityProperties();
        properties.getApiKeys().put("zendesk-bridge", client(ApiKeys.sha256Hex("mir_the-key"), "helpdesk", "viewer"));
        properties.getApiKeys().put("unset", client("", "ops")); // docker-compose's empty ${OPS_KEY_SHA256:-}

        ApiKeys keys = ApiKeys.from(properties);

        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.match("mir_the-key")).hasValueSatisfying(found -> {
            assertThat(found.name()).isEqualTo("zendesk-bridge");
            assertThat(found.roles()).isEqualTo(Set.of(Role.HELPDESK, Role.VIEWER));
        });
        assertThat(keys.match("mir_the-kez")).isEmpty();
        assertThat(keys.match("")).isEmpty();
    }

    @Test
    void keyFilesNamedByRoleAreClientsOfThatRole(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("supervisor"), "mir_supervisor-key\n");
        Files.writeString(dir.resolve("README"), "not a role");
        SecurityProperties properties = new SecurityProperties();
        properties.setCredentialsDir(dir);

        ApiKeys keys = ApiKeys.from(properties);

        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.match("mir_supervisor-key")).hasValueSatisfying(found -> {
            assertThat(found.name()).isEqualTo("local-supervisor");
            assertThat(found.roles()).containsExactly(Role.SUPERVISOR);
        });
    }

    @Test
    void aBadConfigurationStopsTheStartNamingTheClient(@TempDir Path empty) {
        SecurityProperties badHash = new SecurityProperties();
        badHash.getApiKeys().put("bridge", client("abc", "helpdesk"));
        SecurityProperties badRole = new SecurityProperties();
        badRole.getApiKeys().put("bridge", client(ApiKeys.sha256Hex("k"), "janitor"));
        SecurityProperties noFiles = new SecurityProperties();
        noFiles.setCredentialsDir(empty);

        assertThatThrownBy(() -> ApiKeys.from(badHash)).hasMessageContaining("'bridge'").hasMessageContaining("64 hex");
        assertThatThrownBy(() -> ApiKeys.from(badRole)).hasMessageContaining("'janitor'");
        assertThatThrownBy(() -> ApiKeys.from(noFiles)).hasMessageContaining("holds no key file");
    }

    @Test
    void aJwtIsToldFromAnApiKeyByItsShape() {
        assertThat(BearerAuthentication.looksLikeJwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYW0ifQ.c2lnbmF0dXJl")).isTrue();
        assertThat(BearerAuthentication.looksLikeJwt("mir_Qm9vdHN0cmFwIG9ubHkgaW4gdGVzdHM-_")).isFalse();
        assertThat(BearerAuthentication.looksLikeJwt("a.b")).isFalse();
    }
}
