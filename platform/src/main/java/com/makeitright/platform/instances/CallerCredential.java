package com.makeitright.platform.instances;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.Optional;

/**
 * The request's own bearer credential, kept in the Reactor context so that a read forwarded to another instance (the
 * parts gathered here, intake's routed status view) is asked for with the caller's credential and authorized there
 * as the caller.
 */
public class CallerCredential implements WebFilter {

    private static final String KEY = CallerCredential.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, authorization));
    }

    public static Optional<String> of(ContextView context) {
        return context.getOrEmpty(KEY);
    }
}
