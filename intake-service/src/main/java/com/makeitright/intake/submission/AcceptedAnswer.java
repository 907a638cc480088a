package com.makeitright.intake.submission;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code 202} a new complaint gets, from {@code POST /api/complaints} and from every helpdesk webhook alike:
 * its id, stage and status URL (also as {@code Location}), and {@code Idempotent-Replayed: true} when it answers a
 * retry. A repeat contact merged into the customer's open case answers with that case (id, current stage, status URL
 * and {@code Location}) and says so: {@code "repeatContact": true} with {@code contactNumber}, how many times the
 * customer has written about it in this round.
 */
public final class AcceptedAnswer {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private AcceptedAnswer() {
    }

    public static ResponseEntity<Map<String, Object>> of(ComplaintSubmission.Submitted submitted) {
        String statusUrl = "/api/complaints/" + submitted.complaintId();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("complaintId", submitted.complaintId());
        answer.put("stage", submitted.stage());
        answer.put("statusUrl", statusUrl);
        if (submitted.merged()) {
            answer.put("repeatContact", true);
            answer.put("contactNumber", submitted.contactNumber());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(statusUrl));
        if (submitted.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.body(answer);
    }
}
