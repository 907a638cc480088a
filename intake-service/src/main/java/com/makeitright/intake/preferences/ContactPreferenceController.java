package com.makeitright.intake.preferences;

import com.makeitright.contract.Topics;
import com.makeitright.events.ContactPreference;
import com.makeitright.events.ContactPreferenceChanged;
import com.makeitright.events.ContactPreferenceReason;
import com.makeitright.intake.common.Actor;
import com.makeitright.intake.common.InvalidInput;
import com.makeitright.intake.common.VisibleText;
import com.makeitright.intake.publishing.EventPublisher;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code PUT / DELETE /api/customers/{id}/do-not-contact}: a supervisor marks a customer do-not-contact, or lifts the
 * mark (docs/http-api.md). Recorded as {@code ContactPreferenceChanged} on the compacted
 * {@code customers.contact-preferences}, keyed by customer id; the follow-up worker then writes the customer nothing.
 * The reason is a code, not free text, so the topic holds no personal data beyond the customer id.
 */
@RestController
@Tag(name = "customers")
class ContactPreferenceController {

    static final String PATH = "/api/customers/{customerId}/do-not-contact";
    static final String SET = "From now on the customer is sent nothing: no acknowledgement, offer, reminder (mail, SMS"
            + " or call task) or satisfaction check. Each message they would have had is recorded as a suppressed"
            + " CustomerNotified. Mails to the team about their cases still go.";
    static final String LIFTED = "The customer may be written to again: the next message owed to them goes out."
            + " Messages suppressed meanwhile are not sent afterwards.";

    /** {@code reason}: one of {@link ContactPreferenceReason}'s codes (spelled out for OpenAPI; a test keeps them so). */
    record Mark(@Schema(description = "why, as a code (no free text: the event holds no personal data)",
            allowableValues = {"CUSTOMER_REQUEST", "LEGAL_DISPUTE", "CONTACT_DETAILS_WRONG", "ENTERED_IN_ERROR",
                    "OTHER"}, requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    private final EventPublisher publisher;
    private final Clock clock;

    ContactPreferenceController(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Operation(summary = "Mark a customer do-not-contact",
            description = "Publishes ContactPreferenceChanged (DO_NOT_CONTACT) keyed by the customer id: the follow-up"
                    + " worker sends the customer nothing on any channel until the mark is lifted. Body:"
                    + " {\"reason\": \"CUSTOMER_REQUEST\"}. Role: supervisor.")
    @ApiResponse(responseCode = "202", description = "Recorded; the body says what that means")
    @ApiResponse(responseCode = "400", description = "A bad customer id, or a reason missing or not one of the codes",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "503", description = "The broker did not take it; nothing was recorded",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> mark(
            @Parameter(description = "the customer id, as on their complaints") @PathVariable String customerId,
            @RequestBody(required = false) Mark body, Principal caller) {
        return change(customerId, ContactPreference.DO_NOT_CONTACT, body == null ? null : body.reason(), caller, SET);
    }

    @Operation(summary = "Lift a customer's do-not-contact mark",
            description = "Publishes ContactPreferenceChanged (CONTACT_ALLOWED) keyed by the customer id: the next"
                    + " message owed to the customer goes out. Role: supervisor.")
    @ApiResponse(responseCode = "202", description = "Recorded; the body says what that means")
    @ApiResponse(responseCode = "400", description = "A bad customer id, or a reason missing or not one of the codes",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "503", description = "The broker did not take it; nothing was recorded",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @DeleteMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> lift(
            @Parameter(description = "the customer id, as on their complaints") @PathVariable String customerId,
            @Parameter(description = "why, as a code", required = true, schema = @Schema(allowableValues = {
                    "CUSTOMER_REQUEST", "LEGAL_DISPUTE", "CONTACT_DETAILS_WRONG", "ENTERED_IN_ERROR", "OTHER"}))
            @RequestParam(required = false) String reason, Principal caller) {
        return change(customerId, ContactPreference.CONTACT_ALLOWED, reason, caller, LIFTED);
    }

    private Mono<ResponseEntity<Map<String, Object>>> change(String customerId, ContactPreference preference,
                                                             String reason, Principal caller, String what) {
        // the same rule as a complaint's customer.id
        if (customerId.length() > 64 || !VisibleText.Rule.hasVisible(customerId)) {
            return Mono.error(new InvalidInput("customerId", "must be 1 to 64 characters with a visible one"));
        }
        ContactPreferenceReason code = reason(reason);
        if (code == null) {
            return Mono.error(new InvalidInput("reason", "must be one of " + String.join(", ",
                    Arrays.stream(ContactPreferenceReason.values()).map(Enum::name).toList())));
        }
        ContactPreferenceChanged event = ContactPreferenceChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setCustomerId(customerId)
                .setOccurredAt(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setPreference(preference)
                .setReason(code)
                .setChangedBy(Actor.of(caller).name())
                .build();
        return publisher.publish(Topics.CONTACT_PREFERENCES, customerId, event).then(Mono.fromSupplier(() -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("customerId", customerId);
            answer.put("preference", preference.name());
            answer.put("reason", code.name());
            answer.put("eventId", event.getEventId());
            answer.put("changedAt", event.getOccurredAt().toString());
            answer.put("what", what);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
        }));
    }

    private static ContactPreferenceReason reason(String reason) {
        if (reason == null) {
            return null;
        }
        return Arrays.stream(ContactPreferenceReason.values()).filter(code -> code.name().equals(reason.strip()))
                .findFirst().orElse(null);
    }
}
