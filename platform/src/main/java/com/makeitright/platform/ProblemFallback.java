package com.makeitright.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last word on an error that no {@code @ExceptionHandler} answered (a bug, or a failure before any handler ran):
 * {@code application/problem+json} too, never Spring Boot's default JSON error page. An unexpected error is a 500
 * whose body says only that it happened: its message and stack trace go to the log, not to the client, which must
 * not learn the code's insides. Ordered before Boot's {@code DefaultErrorWebExceptionHandler} (order -1).
 */
public class ProblemFallback implements WebExceptionHandler, Ordered {

    static final int ORDER = -2;
    static final String UNEXPECTED_DETAIL = "The request failed unexpectedly; the error was logged."
            + " Retry later, or read the resource before repeating a change.";

    private static final Logger log = LoggerFactory.getLogger(ProblemFallback.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        HttpStatusCode status = error instanceof ErrorResponse known ? known.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        if (status.is5xxServerError()) {
            log.error("Answering {} to {} {}", status.value(), exchange.getRequest().getMethod(), path, error);
            HttpStatus named = HttpStatus.resolve(status.value());
            problem.put("title", named == null ? "Server error" : named.getReasonPhrase());
            problem.put("detail", UNEXPECTED_DETAIL);
        } else {
            // Spring's own refusals (no such route, wrong method, unreadable input found before a handler ran)
            ErrorResponse known = (ErrorResponse) error;
            log.debug("Answering {} to {} {}: {}", status.value(), exchange.getRequest().getMethod(), path,
                    error.toString());
            problem.put("title", known.getBody().getTitle());
            problem.put("detail", known.getBody().getDetail());
        }
        problem.put("status", status.value());
        problem.put("instance", path);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
