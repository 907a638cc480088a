package com.makeitright.intake.status;

import com.makeitright.intake.common.Checks;
import com.makeitright.intake.common.UnknownComplaint;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/** {@code GET /api/complaints/{id}}: the complaint as folded from its events (docs/http-api.md). */
@RestController
@RequestMapping("/api/complaints")
class StatusController {

    private final ComplaintViews views;

    StatusController(ComplaintViews views) {
        this.views = views;
    }

    @GetMapping(path = "/{complaintId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> status(@PathVariable String complaintId) {
        Checks.pathId("complaintId", complaintId);
        return views.find(complaintId)
                .map(found -> StatusView.of(found.orElseThrow(() -> new UnknownComplaint(complaintId))));
    }
}
