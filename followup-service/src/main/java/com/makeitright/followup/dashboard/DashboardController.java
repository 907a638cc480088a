package com.makeitright.followup.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /api/dashboard/**}: the dashboard page's data, read from the in-memory read model (no store reads, so no
 * blocking), and {@code /api/dashboard/events}, a Server-Sent-Events stream that says when the model changed.
 * Not in the OpenAPI contract (docs/openapi/followup.yaml): it is the page's own API; docs/operations.md lists it.
 */
@Hidden
@RestController
class DashboardController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Set<String> STAGES = Set.of("RECEIVED", "REOPENED", "ACKNOWLEDGED", "OFFERED",
            "AWAITING_APPROVAL", "AGREED");
    private static final Set<String> CAUSES = Set.of("OUR_ERROR", "MISUNDERSTANDING", "MISPLACED_HOSTILITY",
            "UNREASONABLE", "SUSPECTED_ABUSE");
    private static final Set<String> ANGERS = Set.of("CALM", "UPSET", "ANGRY", "HOSTILE");

    private final DashboardModel model;
    private final DashboardPush push;
    private final DashboardProperties properties;
    private final Clock clock;

    DashboardController(DashboardModel model, DashboardPush push, DashboardProperties properties, Clock clock) {
        this.model = model;
        this.push = push;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(path = "/api/dashboard/overview", produces = MediaType.APPLICATION_JSON_VALUE)
    DashboardViews.Overview overview() {
        return model.overview(clock.millis());
    }

    @GetMapping(path = "/api/dashboard/queue", produces = MediaType.APPLICATION_JSON_VALUE)
    DashboardViews.Queue queue(@RequestParam(required = false) String stage,
                               @RequestParam(required = false) String cause,
                               @RequestParam(required = false) String anger,
                               @RequestParam(required = false) Boolean reviewNeeded,
                               @RequestParam(required = false) Boolean repeat) {
        return model.queue(new DashboardModel.Filter(oneOf("stage", stage, STAGES), oneOf("cause", cause, CAUSES),
                oneOf("anger", anger, ANGERS), reviewNeeded, repeat), clock.millis());
    }

    @GetMapping(path = "/api/dashboard/complaints/{complaintId}", produces = MediaType.APPLICATION_JSON_VALUE)
    DashboardViews.Complaint complaint(@PathVariable String complaintId) {
        if (!ID.matcher(complaintId).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "complaintId must be 1-128 letters, digits or ._:-");
        }
        return model.complaint(complaintId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "complaint " + complaintId + " is not on the dashboard: unknown, or closed more than "
                        + properties.closedGrace() + " ago (GET /api/complaints/{id} on intake keeps it longer)"));
    }

    /**
     * {@code changed} events carry the model's version, at most one per push interval; a comment every 15 s keeps
     * idle connections (and proxies) open. The current version is sent at once on connect.
     */
    @GetMapping(path = "/api/dashboard/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> events() {
        Flux<ServerSentEvent<String>> changes = Flux.just(model.version()).concatWith(push.versions())
                .sample(properties.pushInterval())
                .map(v -> ServerSentEvent.<String>builder().event("changed").id(Long.toString(v))
                        .data("{\"version\":" + v + "}").build());
        Flux<ServerSentEvent<String>> heartbeat = Flux.interval(HEARTBEAT)
                .map(i -> ServerSentEvent.<String>builder().comment("keep-alive").build());
        return Flux.merge(changes, heartbeat).takeUntilOther(push.closing());
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " must be one of " + allowed.stream()
                    .sorted().toList() + ", was " + value);
        }
        return value;
    }
}
