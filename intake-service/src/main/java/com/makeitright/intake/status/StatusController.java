package com.makeitright.intake.status;

import com.makeitright.intake.common.Checks;
import com.makeitright.intake.common.UnknownComplaint;
import com.makeitright.intake.web.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import com.makeitright.intake.privacy.Sealing;

import java.util.Map;

/** {@code GET /api/complaints/{id}}: the complaint as folded from its events (docs/http-api.md). */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "complaints")
class StatusController {

    private final ComplaintViews views;
    private final Sealing sealing;

    StatusController(ComplaintViews views, Sealing sealing) {
        this.views = views;
        this.sealing = sealing;
    }

    private static final String EXAMPLE = """
            {"complaintId": "f290c5eb-8452-393d-8781-0043160ea00d", "stage": "OFFERED", "round": 1,
             "customerId": "C-1001", "channel": "PHONE", "subject": "Wrong CD shipped",
             "receivedAt": "2026-11-24T17:20:04.961Z",
             "triage": {"cause": "OUR_ERROR", "anger": "UPSET", "priority": "P3_NORMAL"},
             "openOffer": {"offerId": "2a62c058-2c7a-4fff-9281-7271fd867648", "status": "OPEN",
                           "kind": "REPLACEMENT", "approvalRequired": false, "authorityLevel": "AGENT"},
             "agreedOffer": null, "negotiation": [], "resolution": null, "followUps": [], "events": []}""";

    @Operation(summary = "Read a complaint's status",
            description = "The view folded from the complaint's events on every topic, plus intake's own writes"
                    + " not folded yet: stage, triage, offers, negotiation, resolution, follow-ups and every event."
                    + " Shortened example; docs/http-api.md lists every field.")
    @ApiResponse(responseCode = "200", description = "The complaint", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "offered", value = EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "The id is not 1-64 characters of A-Z a-z 0-9 _ -",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "Unknown complaint", content = @Content(
            mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "503", description = "The status view is not ready",
            headers = @Header(name = "Retry-After", description = "seconds"),
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @GetMapping(path = "/{complaintId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> status(@Parameter(description = "the complaint id") @PathVariable String complaintId) {
        Checks.pathId("complaintId", complaintId);
        return views.find(complaintId)
                .map(found -> found.orElseThrow(() -> new UnknownComplaint(complaintId)))
                // opening reads the keys' store (RocksDB): off the event loop
                .publishOn(Schedulers.boundedElastic())
                .map(state -> StatusView.of(state, event -> sealing.open(state.received().getCustomer().getId(), event)));
    }
}
