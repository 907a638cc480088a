package com.makeitright.intake.webhooks;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

import java.net.URI;

/** {@link WebhookRefused} as {@code application/problem+json}; the detail never contains a secret or signature. */
@RestControllerAdvice(assignableTypes = WebhookController.class)
class WebhookProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(WebhookRefused e, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.status().value() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Signature");
        }
        return response.body(problem);
    }
}
