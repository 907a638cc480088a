package com.makeitright.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code makeitright.security.*}: the API-key clients (by hash), a directory of per-role key files, the JWT claim
 * that names a person's roles, and CORS (closed unless origins are listed). The JWT issuer or JWK set is Spring
 * Boot's own {@code spring.security.oauth2.resourceserver.jwt.*}.
 */
@ConfigurationProperties("makeitright.security")
public class SecurityProperties {

    /** Client name -> its roles and the SHA-256 (hex) of its key. */
    private Map<String, ApiKeyClient> apiKeys = new LinkedHashMap<>();

    /**
     * A directory of files named by role ({@code helpdesk}, {@code agent}, …), each holding one key, as
     * {@code ./complaints up} writes them to {@code .run/credentials}; each file is a client {@code local-ROLE}.
     */
    private Path credentialsDir;

    /** The JWT claim with the person's roles (a list, or a space-separated string). */
    private String rolesClaim = "roles";

    /** Origins a browser may call the API from; none by default (CORS closed). */
    private List<String> corsAllowedOrigins = new ArrayList<>();

    public Map<String, ApiKeyClient> getApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(Map<String, ApiKeyClient> apiKeys) {
        this.apiKeys = apiKeys;
    }

    public Path getCredentialsDir() {
        return credentialsDir;
    }

    public void setCredentialsDir(Path credentialsDir) {
        this.credentialsDir = credentialsDir;
    }

    public String getRolesClaim() {
        return rolesClaim;
    }

    public void setRolesClaim(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    public List<String> getCorsAllowedOrigins() {
        return corsAllowedOrigins;
    }

    public void setCorsAllowedOrigins(List<String> corsAllowedOrigins) {
        this.corsAllowedOrigins = corsAllowedOrigins;
    }

    public static class ApiKeyClient {

        private List<String> roles = new ArrayList<>();

        /** Hex SHA-256 of the key; the key itself is never configured on the service. */
        private String sha256;

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }

        public String getSha256() {
            return sha256;
        }

        public void setSha256(String sha256) {
            this.sha256 = sha256;
        }
    }
}
