package com.makeitright.intake.status;

import com.makeitright.intake.common.Checks;
import com.makeitright.intake.common.InvalidInput;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /internal/status-view/{id}}: the stored events of a complaint this instance holds, for another intake
 * instance that was asked for it ({@link PeerViews}); and {@code POST /internal/open-cases}, a customer's open cases
 * in this instance's partitions. Same roles as {@code GET /api/complaints/{id}}; never
 * forwarded again: an instance that no longer holds the complaint answers 503 and the asking one looks again.
 */
@Hidden
@RestController
class PeerViewController {

    // resolved per request: web slices (@WebFluxTest) build the controllers without the stream application
    private final ObjectProvider<StreamsComplaintViews> views;
    private final ObjectProvider<StreamsOpenCases> openCases;

    PeerViewController(ObjectProvider<StreamsComplaintViews> views, ObjectProvider<StreamsOpenCases> openCases) {
        this.views = views;
        this.openCases = openCases;
    }

    @GetMapping(path = PeerViews.PATH + "{complaintId}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    Mono<byte[]> entries(@PathVariable String complaintId) {
        Checks.pathId("complaintId", complaintId);
        return views.getObject().heldEntries(complaintId).map(PeerViews::join);
    }

    /**
     * {@code POST /internal/open-cases}: a customer's open cases in the partitions this instance holds, with those
     * partitions, for another instance matching a new complaint to the customer's cases ({@link StreamsOpenCases}).
     */
    @PostMapping(path = PeerViews.OPEN_CASES_PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<OpenCasesPart> openCases(@RequestBody OpenCasesQuery query) {
        if (query.customerId() == null || query.customerId().isBlank() || query.customerId().length() > 320) {
            throw new InvalidInput("customerId", "must be a complaint's customer id");
        }
        return openCases.getObject().heldPart(query.customerId());
    }
}
