package com.makeitright.platform.instances;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A read that needs every partition cannot be answered now: a store is starting, restoring or moving (a
 * rebalance), or another instance did not answer in time. A {@code 503} problem with {@code Retry-After}.
 */
public class InstancesUnavailable extends ErrorResponseException {

    static final String RETRY_AFTER_SECONDS = "1";

    public InstancesUnavailable(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Not available right now (" + detail + "); try again in a few seconds.");
        problem.setTitle("Temporarily unavailable");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
