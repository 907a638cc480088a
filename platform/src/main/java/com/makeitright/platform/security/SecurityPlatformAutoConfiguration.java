package com.makeitright.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * Who may do what, for every service (SECURITY.md): each request to a non-public path needs
 * {@code Authorization: Bearer <credential>}, an API key (hashes from {@code makeitright.security.api-keys} or the
 * key files of {@code makeitright.security.credentials-dir}) or a JWT of the configured identity provider
 * ({@code spring.security.oauth2.resourceserver.jwt.*}, roles from {@code makeitright.security.roles-claim}).
 * Health status, liveness and readiness are open; the rest of Actuator needs {@code ops}; each service maps its
 * own endpoints in its {@link ServiceAccess}; anything unmapped is refused. Stateless: no session, no cookie, so no
 * CSRF token either (a browser cannot add the bearer header to a forged request). CORS is closed unless
 * {@code makeitright.security.cors-allowed-origins} lists origins.
 */
@AutoConfiguration(before = {ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class,
        ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration.class},
        after = ReactiveOAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityPlatformAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityPlatformAutoConfiguration.class);

    /** Open to anyone: the status a load balancer or {@code ./complaints up} polls, and the two probes. */
    static final String[] OPEN_HEALTH = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"};

    @Bean
    ReactiveAuthenticationManager bearerAuthentication(SecurityProperties properties,
                                                       ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
        ApiKeys keys = ApiKeys.from(properties);
        ReactiveJwtDecoder decoder = jwtDecoder.getIfAvailable();
        JwtReactiveAuthenticationManager jwts = null;
        if (decoder != null) {
            JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
            roles.setAuthoritiesClaimName(properties.getRolesClaim());
            roles.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(roles);
            jwts = new JwtReactiveAuthenticationManager(decoder);
            jwts.setJwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter));
        }
        log.info("Bearer credentials: {} API-key client(s); JWTs {}", keys.size(),
                decoder == null ? "not accepted (no issuer configured)" : "accepted, roles from claim '"
                        + properties.getRolesClaim() + "'");
        return new BearerAuthentication(keys, jwts);
    }

    /** Spring Security's strict firewall, its header checks with a fast path for plain ASCII ({@link HeaderCharacters}). */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAMES);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUES);
        return firewall;
    }

    @Bean
    SecurityWebFilterChain platformSecurity(ServerHttpSecurity http, ReactiveAuthenticationManager bearerAuthentication,
                                            SecurityProperties properties, ObjectProvider<ServiceAccess> services) {
        SecurityProblems problems = new SecurityProblems();
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(bearerAuthentication);
        authentication.setServerAuthenticationConverter(new ServerBearerTokenAuthenticationConverter());
        authentication.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(problems));
        authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(org.springframework.security.web.server.savedrequest.NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(HttpMethod.GET, OPEN_HEALTH).permitAll();
                    exchanges.pathMatchers("/actuator/**").hasRole(Role.OPS.id());
                    services.orderedStream().forEach(service -> service.authorize(exchanges));
                    exchanges.anyExchange().denyAll(); // closed by default: a new endpoint is refused until mapped
                });
        List<String> origins = properties.getCorsAllowedOrigins();
        if (origins.isEmpty()) {
            http.cors(ServerHttpSecurity.CorsSpec::disable);
        } else {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST", "DELETE"));
            cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key"));
            cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "RateLimit-Limit",
                    "RateLimit-Remaining", "RateLimit-Reset"));
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", cors);
            http.cors(spec -> spec.configurationSource(source));
        }
        return http.build();
    }
}
