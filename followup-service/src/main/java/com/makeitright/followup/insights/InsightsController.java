package com.makeitright.followup.insights;

import com.makeitright.followup.prevention.PreventionQueries;
import com.makeitright.followup.schedule.FollowUpQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;

/** {@code GET /api/insights}: the ops dashboard's data, read from the state stores on each request. */
@RestController
@Tag(name = "insights")
class InsightsController {

    private final FollowUpQueries followUps;
    private final PreventionQueries prevention;
    private final Clock clock;

    InsightsController(FollowUpQueries followUps, PreventionQueries prevention, Clock clock) {
        this.followUps = followUps;
        this.prevention = prevention;
        this.clock = clock;
    }

    @Operation(summary = "The ops dashboard's data",
            description = "Open escalations (promise breaches, overdue approvals and acknowledgements), follow-ups due"
                    + " and answered, satisfaction, root causes, prevention actions and their measured effect. Lists"
                    + " hold at most 50 entries; counts cover everything.")
    @ApiResponse(responseCode = "200", description = "The insights of this instance's stores",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Insights.class)))
    @ApiResponse(responseCode = "503", description = "The stream application is starting or rebalancing; retry shortly",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/api/insights")
    Mono<Insights> insights() {
        // Store reads block (RocksDB): keep them off the event loop.
        return Mono.fromCallable(this::read).subscribeOn(Schedulers.boundedElastic());
    }

    private Insights read() {
        return InsightsAssembler.assemble(followUps.followUps(), followUps.complaints(), prevention.actions(),
                clock.instant());
    }
}
