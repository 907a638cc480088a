package com.makeitright.platform.security;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The refusals as problem+json (RFC 9457), like every other error of the services: {@code 401} with
 * {@code WWW-Authenticate: Bearer} (RFC 6750) when the credential is missing or not accepted, {@code 403} when the
 * caller's roles may not do this. Neither echoes the credential.
 */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean presented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, presented
                ? "Bearer error=\"invalid_token\", error_description=\"The bearer credential was not accepted\""
                : "Bearer");
        String detail = !presented ? "This needs a bearer credential: Authorization: Bearer <API key or JWT>"
                : failure instanceof InvalidBearerTokenException ? "The bearer credential was not accepted: "
                + failure.getMessage() : "The bearer credential was not accepted";
        return write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        // The caller is not named: a person's JWT subject may be their e-mail address.
        return write(exchange, HttpStatus.FORBIDDEN, "This caller may not " + exchange.getRequest().getMethod() + " "
                + exchange.getRequest().getPath().value() + ": its roles do not include one this needs (SECURITY.md)");
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        byte[] body = JSON.writeValueAsBytes(problem);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
