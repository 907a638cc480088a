package com.makeitright.intake.ratelimit;

import com.makeitright.platform.security.Role;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Per-client rate limits on intake's API (Bucket4j token buckets, {@link RateLimitProperties}): a request over the
 * client's limit is a {@code 429} problem+json with {@code Retry-After} and never reaches a controller, so nothing
 * is published for it. Every limited answer, accepted or not, carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds). Runs after the security chain (order -100),
 * so the client is the authenticated principal; webhooks and customer pages (no principal) are not limited here.
 * Bounded: one bucket per client in a cache of at most {@code maxClients}. Declared by {@link RateLimitConfiguration}
 * (not a component, so a controller's web slice test runs without it).
 */
class ClientRateLimits implements WebFilter, Ordered, IntegrationLimits {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Client name to its bucket and limit. */
    private record Limited(Bucket bucket, RateLimitProperties.Limit limit) {
    }

    private final Map<String, RateLimitProperties.Limit> roles;
    private final Cache<String, Limited> buckets;

    ClientRateLimits(RateLimitProperties properties) {
        this.roles = Map.copyOf(properties.roles());
        this.buckets = Caffeine.newBuilder().maximumSize(properties.maxClients())
                .expireAfterAccess(Duration.ofHours(1)).build();
    }

    @Override
    public int getOrder() {
        return -50; // after Spring Security's WebFilterChainProxy (-100): the principal is known
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/") || path.startsWith("/api/webhooks/")) {
            return chain.filter(exchange);
        }
        // thenReturn: a limited request's Mono completes empty, which must not read as "no limit applies"
        return exchange.getPrincipal()
                .flatMap(principal -> Mono.justOrEmpty(principal instanceof Authentication client
                        ? limited(client) : Optional.empty()))
                .flatMap(limited -> consume(exchange, chain, limited).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
                .then();
    }

    @Override
    public void admit(String integration) {
        Optional<Limited> limited = limited("webhook:" + integration,
                Optional.ofNullable(roles.get(Role.HELPDESK.id())));
        if (limited.isEmpty()) {
            return;
        }
        ConsumptionProbe probe = limited.get().bucket().tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitExceeded(Math.max(1, seconds(probe.getNanosToWaitForRefill())),
                    limited.get().limit().capacity(), limited.get().limit().perSecond());
        }
    }

    private Optional<Limited> limited(Authentication client) {
        return limited(client.getName(), client.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> roles.get(authority.substring("ROLE_".length())))
                .filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.comparingLong(RateLimitProperties.Limit::perSecond)
                        .thenComparingLong(RateLimitProperties.Limit::capacity)));
    }

    private Optional<Limited> limited(String client, Optional<RateLimitProperties.Limit> limit) {
        return limit.map(most -> buckets.asMap().compute(client, (name, known) ->
                known != null && known.limit().equals(most) ? known : new Limited(Bucket.builder()
                        .addLimit(bandwidth -> bandwidth.capacity(most.capacity())
                                .refillGreedy(most.perSecond(), Duration.ofSeconds(1)))
                        .build(), most)));
    }

    private static Mono<Void> consume(ServerWebExchange exchange, WebFilterChain chain, Limited limited) {
        ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Limit", Long.toString(limited.limit().capacity()));
        headers.set("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        headers.set("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (probe.isConsumed()) {
            return chain.filter(exchange);
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return tooMany(exchange, retryAfter, limited.limit());
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, long retryAfter, RateLimitProperties.Limit limit) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", "This client sent more than its limit (" + limit.capacity() + " at once, "
                + limit.perSecond() + " a second); nothing was done. Retry after " + retryAfter + " s.");
        problem.put("instance", exchange.getRequest().getPath().value());
        byte[] body = JSON.writeValueAsBytes(problem);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
