package com.makeitright.testing.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Date;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API keys of the test JVMs: one client per role ({@code test-helpdesk}, …, each holding just that role) and
 * {@code test-suite}, which holds every role. {@link TestCredentialsEnvironment} configures their hashes on every
 * Spring Boot service a test starts in-process, and {@link TestIdentityProvider} makes it trust {@link #jwt}; {@link TestCredentialsWebClient} sends the {@code test-suite} key
 * from every auto-configured {@code WebTestClient}, so a test that is not about access authenticates without
 * saying so. A test about access sends {@link #bearer(String)} of one role, or nothing.
 */
public final class TestCredentials {

    /** The roles, as the services name them (platform's {@code Role}). */
    public static final List<String> ROLES = List.of("helpdesk", "agent", "supervisor", "owner", "viewer", "ops");

    /** The client with every role. */
    public static final String SUITE = "test-suite";

    private TestCredentials() {
    }

    /** The key of {@code test-ROLE} (holding that role only), or of {@link #SUITE}. Shaped like a real key. */
    public static String key(String roleOrSuite) {
        if (!SUITE.equals(roleOrSuite) && !ROLES.contains(roleOrSuite)) {
            throw new IllegalArgumentException("No test credential for '" + roleOrSuite + "'; roles: " + ROLES);
        }
        return "mir_test_" + roleOrSuite.replace('-', '_') + "_Qm9vdHN0cmFwIG9ubHkgaW4gdGVzdHM";
    }

    /** The {@code Authorization} header value for that client. */
    public static String bearer(String roleOrSuite) {
        return "Bearer " + key(roleOrSuite);
    }

    /** The properties that make a service know the test clients: {@code makeitright.security.api-keys.*}. */
    public static Map<String, Object> serviceProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String role : ROLES) {
            client(properties, "test-" + role, key(role), List.of(role));
        }
        client(properties, SUITE, key(SUITE), ROLES);
        return properties;
    }

    private static void client(Map<String, Object> properties, String name, String key, List<String> roles) {
        String prefix = "makeitright.security.api-keys." + name;
        for (int i = 0; i < roles.size(); i++) {
            properties.put(prefix + ".roles[" + i + "]", roles.get(i));
        }
        properties.put(prefix + ".sha256", sha256Hex(key));
    }

    /** The test identity provider's RSA key pair, made once per JVM. */
    private static final class IdentityProvider {
        static final KeyPair KEYS = generate();

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The public key a test service verifies {@link #jwt}s with. */
    public static PublicKey identityProviderPublicKey() {
        return IdentityProvider.KEYS.getPublic();
    }

    /** A JWT (RS256) of the test identity provider for a person with these roles, valid for an hour. */
    public static String jwt(String subject, String... roles) {
        return signedJwt(IdentityProvider.KEYS.getPrivate(), subject, roles);
    }

    /** A JWT shaped like {@link #jwt} but signed by a key no service trusts. */
    public static String jwtOfUnknownIssuer(String subject, String... roles) {
        return signedJwt(IdentityProvider.generate().getPrivate(), subject, roles);
    }

    private static String signedJwt(PrivateKey key, String subject, String... roles) {
        try {
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject(subject).issuer("https://id.test.invalid").issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(3600))).claim("roles", List.of(roles)).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
