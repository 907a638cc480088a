package com.makeitright.intake.status;

import com.makeitright.intake.common.Checks;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /internal/status-view/{id}}: the stored events of a complaint this instance holds, for another intake
 * instance that was asked for it ({@link PeerViews}). Same roles as {@code GET /api/complaints/{id}}; never
 * forwarded again: an instance that no longer holds the complaint answers 503 and the asking one looks again.
 */
@Hidden
@RestController
class PeerViewController {

    // resolved per request: web slices (@WebFluxTest) build the controllers without the stream application
    private final ObjectProvider<StreamsComplaintViews> views;

    PeerViewController(ObjectProvider<StreamsComplaintViews> views) {
        this.views = views;
    }

    @GetMapping(path = PeerViews.PATH + "{complaintId}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    Mono<byte[]> entries(@PathVariable String complaintId) {
        Checks.pathId("complaintId", complaintId);
        return views.getObject().heldEntries(complaintId).map(PeerViews::join);
    }
}
