package com.makeitright.remedy.ledger;

import com.makeitright.platform.instances.Instances;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code GET /api/ledger?from=&to=}: the compensation ledger as JSON, or as CSV with {@code Accept: text/csv}.
 * Dates are ISO ({@code 2026-01-31}), inclusive and optional. Totals come from day totals (O(days), not
 * O(complaints)); entries are the most recent ones the ledger remembers ({@code entriesComplete} says whether
 * that is all of them). With several remedy instances the instance asked adds up every instance's part
 * ({@code GET /internal/ledger-part}, with the caller's credential), so each gives the same answer.
 */
@RestController
@Tag(name = "ledger")
// both representations share their problem answers
@ApiResponse(responseCode = "400", description = "from or to is not an ISO date, or from is after to",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
@ApiResponse(responseCode = "503", description = "The stream application is starting or rebalancing, or another remedy"
        + " instance did not answer in time; retry after Retry-After seconds",
        headers = @Header(name = "Retry-After", description = "seconds"),
        content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
class LedgerController {

    static final String TEXT_CSV = "text/csv";
    private static final String FROM = "first day, ISO date (2026-01-01), inclusive; open when absent";
    private static final String TO = "last day, ISO date (2026-12-31), inclusive; open when absent";

    static final String PART_PATH = "/internal/ledger-part";

    private final LedgerSource source;
    private final Instances instances;

    LedgerController(LedgerSource source, Instances instances) {
        this.source = source;
        this.instances = instances;
    }

    @Operation(summary = "The compensation ledger, as JSON or as CSV (Accept: text/csv)",
            description = "One entry per fulfilled remedy (the most recent the ledger remembers; entriesComplete says"
                    + " whether that is all of the period) and totals per remedy kind, cause and month, per currency.")
    @ApiResponse(responseCode = "200", description = "The ledger of the period", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Ledger.class)),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string", description = "one line per entry"))})
    @GetMapping(path = "/api/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Ledger> json(@Parameter(description = FROM) @RequestParam(required = false) String from,
                      @Parameter(description = TO) @RequestParam(required = false) String to) {
        return ledger(from, to);
    }

    // the same operation as json() in another representation: OpenAPI has one operation per path and method
    @Operation(hidden = true)
    @GetMapping(path = "/api/ledger", produces = TEXT_CSV)
    Mono<ResponseEntity<String>> csv(@Parameter(description = FROM) @RequestParam(required = false) String from,
                                     @Parameter(description = TO) @RequestParam(required = false) String to) {
        return ledger(from, to).map(ledger -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                .header("Content-Disposition", "inline; filename=\"ledger.csv\"")
                .body(ledger.csv()));
    }

    /** This instance's part of the period, for the instance that was asked; never gathered further. */
    @Hidden
    @GetMapping(path = PART_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<LedgerPart> part(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        // the store reads block briefly (RocksDB): keep them off the event loop
        return Mono.fromCallable(() -> source.part(first, last)).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Ledger> ledger(String fromText, String toText) {
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (from != null && to != null && from.isAfter(to)) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid period", "from (" + from + ") is after to (" + to + ")");
        }
        // the store partitions are spread over every remedy instance: each reads its own, this one adds them up
        String partPath = UriComponentsBuilder.fromPath(PART_PATH).queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to)).build().toUriString();
        return instances.gather(partPath, LedgerPart.class, () -> source.part(from, to), LedgerPart::held)
                .map(parts -> LedgerPart.merge(parts, from, to));
    }

    private static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid period", name + " must be an ISO date like 2026-01-31, was '" + text + "'");
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
