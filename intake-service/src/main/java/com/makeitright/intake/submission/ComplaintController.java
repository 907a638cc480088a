package com.makeitright.intake.submission;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/complaints}: 202 once the broker acknowledged the complaint (docs/http-api.md). */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ComplaintSubmission submission;

    ComplaintController(ComplaintSubmission submission) {
        this.submission = submission;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> submit(
            @RequestBody ComplaintBody body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return submission.submit(body, idempotencyKey).map(submitted -> {
            String statusUrl = "/api/complaints/" + submitted.complaintId();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("complaintId", submitted.complaintId());
            answer.put("stage", "RECEIVED");
            answer.put("statusUrl", statusUrl);
            ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(statusUrl));
            if (submitted.replayed()) {
                response.header(REPLAYED_HEADER, "true");
            }
            return response.body(answer);
        });
    }
}
