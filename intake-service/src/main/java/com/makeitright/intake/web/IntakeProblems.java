package com.makeitright.intake.web;

import com.makeitright.intake.common.ActionRefused;
import com.makeitright.intake.common.IdempotencyKeyReused;
import com.makeitright.intake.common.InvalidInput;
import com.makeitright.intake.common.TransitionRefused;
import com.makeitright.intake.common.UnknownComplaint;
import com.makeitright.intake.common.UnknownCustomer;
import com.makeitright.intake.publishing.PublishFailed;
import com.makeitright.intake.ratelimit.RateLimitExceeded;
import com.makeitright.intake.status.ViewUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Intake's own refusals as {@code application/problem+json}, in the shape of the platform's
 * {@code ProblemDetailsAdvice}: a 400 lists each bad field in {@code errors}. Every one of them means nothing
 * was published.
 */
@RestControllerAdvice
class IntakeProblems {

    private static final Logger log = LoggerFactory.getLogger(IntakeProblems.class);
    private static final Duration VIEW_RETRY_AFTER = Duration.ofSeconds(1);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, ServerWebExchange exchange) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), exchange);
        List<Map<String, Object>> errors = e.problems().stream()
                .map(p -> Map.<String, Object>of("field", p.field(), "message", p.message())).toList();
        problem.setProperty("errors", errors);
        return respond(problem, HttpHeaders.EMPTY);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(TransitionRefused e, ServerWebExchange exchange) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Not possible in the complaint's current state",
                e.refusal().detail(), exchange);
        problem.setProperty("reason", e.refusal().reason().name());
        return respond(problem, HttpHeaders.EMPTY);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notAllowed(ActionRefused e, ServerWebExchange exchange) {
        ProblemDetail problem = problem(e.reason().status(), e.reason().status() == HttpStatus.FORBIDDEN
                ? "Beyond the caller's authority" : "Not allowed for the agreed offer", e.getMessage(), exchange);
        problem.setProperty("reason", e.reason().name());
        return respond(problem, HttpHeaders.EMPTY);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknown(UnknownComplaint e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.NOT_FOUND, "Unknown complaint", e.getMessage(), exchange), HttpHeaders.EMPTY);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownCustomer(UnknownCustomer e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.NOT_FOUND, "Unknown customer", e.getMessage(), exchange), HttpHeaders.EMPTY);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage(), exchange),
                HttpHeaders.EMPTY);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notPublished(PublishFailed e, ServerWebExchange exchange) {
        log.warn("Answering 503: {}", e.getMessage());
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "Not published",
                e.getMessage() + ". It was not accepted and may not have been recorded; retry (with the same"
                        + " Idempotency-Key), or read the complaint before repeating an answer.", exchange),
                retryAfter(e.retryAfter()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> viewUnavailable(ViewUnavailable e, ServerWebExchange exchange) {
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "Status view unavailable", e.getMessage(), exchange),
                retryAfter(VIEW_RETRY_AFTER));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> overLimit(RateLimitExceeded e, ServerWebExchange exchange) {
        HttpHeaders headers = retryAfter(Duration.ofSeconds(e.retryAfterSeconds()));
        headers.set("RateLimit-Limit", Long.toString(e.capacity()));
        headers.set("RateLimit-Remaining", "0");
        headers.set("RateLimit-Reset", Long.toString(e.retryAfterSeconds()));
        return respond(problem(HttpStatus.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(),
                e.getMessage(), exchange), headers);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return problem;
    }

    private static HttpHeaders retryAfter(Duration after) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (after.toMillis() + 999) / 1000)));
        return headers;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
