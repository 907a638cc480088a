package com.makeitright.intake.submission;

import com.makeitright.intake.web.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/** {@code POST /api/complaints}: 202 once the broker acknowledged the complaint (docs/http-api.md). */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "complaints")
class ComplaintController {

    static final String REPLAYED_HEADER = AcceptedAnswer.REPLAYED_HEADER;

    private final ComplaintSubmission submission;

    ComplaintController(ComplaintSubmission submission) {
        this.submission = submission;
    }

    private static final String EXAMPLE = """
            {"customer": {"id": "C-1001", "name": "Dana Reyes", "email": "dana.r@example.com", "phone": "+1 555 0100",
                          "tier": "STANDARD", "since": "2019-04-01"},
             "channel": "PHONE", "subject": "Wrong CD shipped",
             "description": "I ordered the CD on small business marketing and instead received one on gardening.",
             "order": {"id": "O-1001", "sku": "CD-MKT-01", "amount": 49.00, "currency": "USD", "completedFraction": 0.5},
             "desiredOutcome": "Send the right CD"}""";

    private static final String ACCEPTED = """
            {"complaintId": "f290c5eb-8452-393d-8781-0043160ea00d", "stage": "RECEIVED",
             "statusUrl": "/api/complaints/f290c5eb-8452-393d-8781-0043160ea00d"}""";

    private static final String MERGED = """
            {"complaintId": "f290c5eb-8452-393d-8781-0043160ea00d", "stage": "OFFERED",
             "statusUrl": "/api/complaints/f290c5eb-8452-393d-8781-0043160ea00d",
             "repeatContact": true, "contactNumber": 2}""";

    @Operation(summary = "Submit a complaint",
            description = "Publishes ComplaintReceived and answers once the broker acknowledged it. The same"
                    + " Idempotency-Key again returns the same complaint (Idempotent-Replayed: true) and publishes"
                    + " nothing; the same key with a different body is a 422. A repeat contact (the customer has an"
                    + " open case about the same order, helpdesk ticket or, when configured, a similar subject) opens"
                    + " no new complaint: it is published as ComplaintContactAdded on that case, which the answer names"
                    + " (repeatContact: true, contactNumber).",
            parameters = @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, required = false,
                    description = "1-200 printable characters; a retry with the same key returns the same complaint",
                    schema = @Schema(type = "string")),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ComplaintBody.class),
                            examples = @ExampleObject(name = "complaint", value = EXAMPLE))))
    @ApiResponse(responseCode = "202", description = "Accepted: Kafka has the complaint",
            headers = {@Header(name = "Location", description = "the complaint's status URL"),
                    @Header(name = REPLAYED_HEADER, description = "true when this answers a retried Idempotency-Key")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = {@ExampleObject(name = "accepted", value = ACCEPTED),
                            @ExampleObject(name = "repeat contact", value = MERGED)}))
    @ApiResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST, content = @Content(
            mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
            examples = @ExampleObject(name = "invalid", value = ApiDocs.BAD_REQUEST_EXAMPLE)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for a different complaint."
            + " Nothing was published.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
            schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "503", description = ApiDocs.UNAVAILABLE,
            headers = @Header(name = "Retry-After", description = "seconds"),
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> submit(@RequestBody ComplaintBody body, ServerHttpRequest request) {
        // the header read directly: @RequestHeader resolves its name through placeholders and SpEL on every request
        String idempotencyKey = request.getHeaders().getFirst(IdempotencyKeys.HEADER);
        return submission.submit(body, idempotencyKey).map(AcceptedAnswer::of);
    }
}
