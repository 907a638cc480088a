package com.makeitright.intake.privacy;

import com.makeitright.events.ErasureReason;
import com.makeitright.intake.common.Actor;
import com.makeitright.intake.common.InvalidInput;
import com.makeitright.intake.common.UnknownCustomer;
import com.makeitright.intake.common.VisibleText;
import com.makeitright.intake.web.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code DELETE /api/customers/{id}/personal-data}: the right to erasure (docs/privacy.md, docs/http-api.md). */
@RestController
@Tag(name = "customers")
class ErasureController {

    static final String WHAT_HAPPENS = "Every data key of the customer was deleted: their name, e-mail and phone on"
            + " every past event, dead-letter copy, changelog and view no longer open, and read as \"erased\"."
            + " Every service was told by a CustomerErased event. Free text (subjects, descriptions, comments) is"
            + " not sealed and stays as written (docs/privacy.md).";

    private final Sealing keys;

    ErasureController(Sealing keys) {
        this.keys = keys;
    }

    @Operation(summary = "Erase a customer's personal data",
            description = "Deletes (tombstones) every data key of the customer and publishes CustomerErased, in one"
                    + " transaction: every sealed copy of their contact details becomes unreadable at once. Role:"
                    + " supervisor.")
    @ApiResponse(responseCode = "202", description = "Erased; the body says what that means")
    @ApiResponse(responseCode = "400", description = "The customer id is blank, invisible or longer than 64 characters",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No personal data of the customer: never received, or erased already",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "503", description = "The keys are not loaded yet or the broker did not take the"
            + " erasure; nothing was erased", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
            schema = @Schema(ref = ApiDocs.PROBLEM)))
    @DeleteMapping(path = "/api/customers/{customerId}/personal-data", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> erase(
            @Parameter(description = "the customer id, as on their complaints") @PathVariable String customerId,
            Principal caller) {
        // the same rule as a complaint's customer.id
        if (customerId.length() > 64 || !VisibleText.Rule.hasVisible(customerId)) {
            return Mono.error(new InvalidInput("customerId", "must be 1 to 64 characters with a visible one"));
        }
        Actor actor = Actor.of(caller);
        return keys.erase(customerId, ErasureReason.REQUESTED, actor.name())
                .switchIfEmpty(Mono.error(() -> new UnknownCustomer(customerId)))
                .map(erased -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("customerId", customerId);
                    body.put("eventId", erased.getEventId());
                    body.put("keysErased", erased.getKeysErased());
                    body.put("erasedAt", erased.getOccurredAt().toString());
                    body.put("what", WHAT_HAPPENS);
                    return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
                });
    }
}
