package com.makeitright.intake.actions;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Map;

/** The customer's, supervisor's, agent's and follow-up worker's answers (docs/http-api.md); 202 once published. */
@RestController
@RequestMapping(path = "/api/complaints/{complaintId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class ActionsController {

    private final ComplaintActions actions;

    ActionsController(ComplaintActions actions) {
        this.actions = actions;
    }

    @PostMapping("/remedy-response")
    Mono<ResponseEntity<Map<String, Object>>> respond(@PathVariable String complaintId,
                                                      @RequestBody ActionBodies.RemedyResponse body) {
        return accepted(complaintId, actions.respond(complaintId, body));
    }

    @PostMapping("/approval")
    Mono<ResponseEntity<Map<String, Object>>> approval(@PathVariable String complaintId,
                                                       @RequestBody ActionBodies.Approval body) {
        return accepted(complaintId, actions.decideApproval(complaintId, body));
    }

    @PostMapping("/fulfillment")
    Mono<ResponseEntity<Map<String, Object>>> fulfillment(@PathVariable String complaintId,
                                                          @RequestBody ActionBodies.Fulfillment body) {
        return accepted(complaintId, actions.fulfill(complaintId, body));
    }

    @PostMapping("/follow-up-outcome")
    Mono<ResponseEntity<Map<String, Object>>> followUpOutcome(@PathVariable String complaintId,
                                                              @RequestBody ActionBodies.FollowUpOutcome body) {
        return accepted(complaintId, actions.completeFollowUp(complaintId, body));
    }

    private static Mono<ResponseEntity<Map<String, Object>>> accepted(String complaintId,
                                                                      Mono<Map<String, Object>> answer) {
        URI status = URI.create("/api/complaints/" + complaintId);
        return answer.map(body -> ResponseEntity.status(HttpStatus.ACCEPTED).location(status).body(body));
    }
}
