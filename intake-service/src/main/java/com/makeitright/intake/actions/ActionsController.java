package com.makeitright.intake.actions;

import com.makeitright.intake.common.Actor;
import com.makeitright.intake.web.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.security.Principal;
import java.util.Map;

/**
 * The customer's, supervisor's, agent's and follow-up worker's answers, and the agent's review of an acknowledgement
 * (docs/http-api.md); 202 once published.
 */
@RestController
@RequestMapping(path = "/api/complaints/{complaintId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "actions", description = "Answers on a complaint; each publishes one event (a reopen two, in one transaction)")
// Every action shares its problem answers; its own 202 and body are on the method.
@ApiResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST, content = @Content(
        mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@ApiResponse(responseCode = "404", description = ApiDocs.UNKNOWN, content = @Content(
        mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@ApiResponse(responseCode = "409", description = ApiDocs.CONFLICT, content = @Content(
        mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
        examples = @ExampleObject(name = "no open offer", value = ActionsController.CONFLICT_EXAMPLE)))
@ApiResponse(responseCode = "503", description = ApiDocs.UNAVAILABLE,
        headers = @Header(name = "Retry-After", description = "seconds"),
        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
class ActionsController {

    static final String CONFLICT_EXAMPLE = """
            {"type": "about:blank", "title": "Not possible in the complaint's current state", "status": 409,
             "detail": "There is no open offer to answer.", "instance": "/api/complaints/f290c5eb/remedy-response",
             "reason": "NO_OPEN_OFFER"}""";

    private final ComplaintActions actions;

    ActionsController(ComplaintActions actions) {
        this.actions = actions;
    }

    @Operation(summary = "Answer the open offer (customer)",
            description = "ACCEPT, DECLINE or COUNTER the open offer; publishes RemedyResponded. counterOffer is required for COUNTER only; offerId defaults to the open offer. 409 when there is no open offer, it waits for approval, or it expired.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ActionBodies.RemedyResponse.class),
                    examples = @ExampleObject(name = "RemedyResponse", value = """
                            {"decision": "COUNTER", "offerId": "2a62c058-2c7a-4fff-9281-7271fd867648", "counterOffer": {"kind": "REFUND_PARTIAL", "amount": 30.00, "currency": "USD", "description": "Half back would be fair"}, "note": "Customer called back"}"""))))
    @ApiResponse(responseCode = "202", description = "Accepted: Kafka has the event",
            headers = @Header(name = "Location", description = "the complaint's status URL"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
                    name = "accepted", value = "{\"complaintId\": \"f290c5eb-8452-393d-8781-0043160ea00d\", \"offerId\": \"2a62c058-2c7a-4fff-9281-7271fd867648\", \"decision\": \"COUNTER\"}")))
    @PostMapping("/remedy-response")
    Mono<ResponseEntity<Map<String, Object>>> respond(@PathVariable String complaintId,
                                                      @RequestBody ActionBodies.RemedyResponse body, Principal caller) {
        return accepted(complaintId, actions.respond(complaintId, body, Actor.of(caller)));
    }

    @Operation(summary = "Approve or reject an offer beyond the agent's authority (supervisor)",
            description = "APPROVED or REJECTED for the offer that waits for approval; publishes RemedyApprovalDecided. 409 when no offer waits for approval.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ActionBodies.Approval.class),
                    examples = @ExampleObject(name = "Approval", value = """
                            {"decision": "APPROVED", "approver": "sam.supervisor", "offerId": "2a62c058-2c7a-4fff-9281-7271fd867648", "note": "Loyal customer"}"""))))
    @ApiResponse(responseCode = "202", description = "Accepted: Kafka has the event",
            headers = @Header(name = "Location", description = "the complaint's status URL"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
                    name = "accepted", value = "{\"complaintId\": \"f290c5eb-8452-393d-8781-0043160ea00d\", \"offerId\": \"2a62c058-2c7a-4fff-9281-7271fd867648\", \"decision\": \"APPROVED\"}")))
    @PostMapping("/approval")
    Mono<ResponseEntity<Map<String, Object>>> approval(@PathVariable String complaintId,
                                                       @RequestBody ActionBodies.Approval body, Principal caller) {
        return accepted(complaintId, actions.decideApproval(complaintId, body, Actor.of(caller)));
    }

    @Operation(summary = "Report the agreed remedy delivered (agent or shop)",
            description = "Publishes RemedyFulfilled for the agreed offer. inspectionResult is required exactly when the agreed offer is an INSPECTION. 409 when no offer is agreed or it was already fulfilled.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ActionBodies.Fulfillment.class),
                    examples = @ExampleObject(name = "Fulfillment", value = """
                            {"reference": "SHIP-123", "fulfilledBy": "agent.ann", "offerId": "2a62c058-2c7a-4fff-9281-7271fd867648", "actualCost": {"amount": 12.00, "currency": "USD"}, "rootCause": "PACKING_ERROR", "note": "Sent by express"}"""))))
    @ApiResponse(responseCode = "202", description = "Accepted: Kafka has the event",
            headers = @Header(name = "Location", description = "the complaint's status URL"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
                    name = "accepted", value = "{\"complaintId\": \"f290c5eb-8452-393d-8781-0043160ea00d\", \"offerId\": \"2a62c058-2c7a-4fff-9281-7271fd867648\", \"kind\": \"REPLACEMENT\"}")))
    @PostMapping("/fulfillment")
    Mono<ResponseEntity<Map<String, Object>>> fulfillment(@PathVariable String complaintId,
                                                          @RequestBody ActionBodies.Fulfillment body, Principal caller) {
        return accepted(complaintId, actions.fulfill(complaintId, body, Actor.of(caller)));
    }

    @Operation(summary = "Record the satisfaction check's answer (follow-up worker)",
            description = "Publishes FollowUpCompleted; an unsatisfied answer also reopens the complaint (ComplaintReceived, round + 1, in the same transaction). 409 when no satisfaction check is due for the current round or it was already answered.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ActionBodies.FollowUpOutcome.class),
                    examples = @ExampleObject(name = "FollowUpOutcome", value = """
                            {"satisfied": false, "score": 2, "comment": "The replacement broke again"}"""))))
    @ApiResponse(responseCode = "202", description = "Accepted: Kafka has the event",
            headers = @Header(name = "Location", description = "the complaint's status URL"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
                    name = "accepted", value = "{\"complaintId\": \"f290c5eb-8452-393d-8781-0043160ea00d\", \"reopened\": true, \"round\": 2}")))
    @PostMapping("/follow-up-outcome")
    Mono<ResponseEntity<Map<String, Object>>> followUpOutcome(@PathVariable String complaintId,
                                                              @RequestBody ActionBodies.FollowUpOutcome body) {
        return accepted(complaintId, actions.completeFollowUp(complaintId, body));
    }

    @Operation(summary = "Approve the acknowledgement triage drafted, as drafted or edited (agent)",
            description = "Publishes AcknowledgementApproved for the current round; the follow-up worker mails the"
                    + " approved text unless the acknowledgement already went out without review. The body is optional:"
                    + " without it, or without text, the draft goes as it is. approvedBy is the authenticated agent."
                    + " 409 when triage has not acknowledged the current round yet, its acknowledgement was already approved,"
                    + " or the follow-up worker already sent it (ALREADY_SENT: the detail says when, and whether"
                    + " automatically, without review); nothing is published then.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ActionBodies.AcknowledgementApproval.class),
                    examples = @ExampleObject(name = "AcknowledgementApproval", value = """
                            {"text": "We sent you the wrong CD. That was our mistake, and we are sorry: the right one is on its way."}"""))))
    @ApiResponse(responseCode = "202", description = "Accepted: Kafka has the event",
            headers = @Header(name = "Location", description = "the complaint's status URL"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
                    name = "accepted", value = "{\"complaintId\": \"f290c5eb-8452-393d-8781-0043160ea00d\", \"eventId\": \"5c1bd6a1-0d3e-4f7a-9b61-2f1e3c4d5a6b\", \"edited\": true}")))
    @PostMapping("/acknowledgement")
    Mono<ResponseEntity<Map<String, Object>>> acknowledgement(@PathVariable String complaintId,
                                                              @RequestBody(required = false)
                                                              ActionBodies.AcknowledgementApproval body,
                                                              Principal caller) {
        return accepted(complaintId, actions.approveAcknowledgement(complaintId, body, Actor.of(caller)));
    }

    private static Mono<ResponseEntity<Map<String, Object>>> accepted(String complaintId,
                                                                      Mono<Map<String, Object>> answer) {
        URI status = URI.create("/api/complaints/" + complaintId);
        return answer.map(body -> ResponseEntity.status(HttpStatus.ACCEPTED).location(status).body(body));
    }
}
