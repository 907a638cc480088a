package com.makeitright.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

import java.util.regex.Pattern;

/**
 * A bearer credential is a JWT or an API key, told apart by shape: a JWT is three base64url parts joined by dots
 * (RFC 7515 compact form); the keys {@code ./complaints up} makes have no dot. A JWT goes to the resource server's
 * decoder (when an issuer or key set is configured); anything else is looked up as an API key. A failure names
 * the kind of credential, never its value.
 */
final class BearerAuthentication implements ReactiveAuthenticationManager {

    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final ApiKeys keys;
    private final ReactiveAuthenticationManager jwts;

    /** {@code jwts}: null when no identity provider is configured, so a JWT is refused. */
    BearerAuthentication(ApiKeys keys, ReactiveAuthenticationManager jwts) {
        this.keys = keys;
        this.jwts = jwts;
    }

    static boolean looksLikeJwt(String token) {
        return JWT_SHAPE.matcher(token).matches();
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return Mono.empty();
        }
        String token = bearer.getToken();
        if (looksLikeJwt(token)) {
            return jwts == null
                    ? Mono.error(new InvalidBearerTokenException("JWTs are not accepted here: no identity provider is configured"))
                    : jwts.authenticate(authentication);
        }
        return Mono.justOrEmpty(keys.match(token))
                .<Authentication>map(ApiKeyAuthentication::new)
                .switchIfEmpty(Mono.error(() -> new InvalidBearerTokenException("Unknown API key")));
    }

    /** An authenticated API-key client: its name is the principal, its roles the authorities. */
    static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

        private final String client;

        ApiKeyAuthentication(ApiKeys.Client client) {
            super(client.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
            this.client = client.name();
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return ""; // the key is not kept
        }

        @Override
        public Object getPrincipal() {
            return client;
        }
    }
}
