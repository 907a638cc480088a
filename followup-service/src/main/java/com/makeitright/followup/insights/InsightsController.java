package com.makeitright.followup.insights;

import com.makeitright.followup.prevention.PreventionQueries;
import com.makeitright.followup.schedule.FollowUpQueries;
import com.makeitright.platform.instances.HeldPartitions;
import com.makeitright.platform.instances.Instances;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;

/**
 * {@code GET /api/insights}: the ops dashboard's data, read from the state stores on each request. With several
 * followup instances each holds some partitions: the instance asked gathers every instance's part
 * ({@code GET /internal/insights-part}, with the caller's credential) and merges them ({@link InsightsMerge}).
 */
@RestController
@Tag(name = "insights")
class InsightsController {

    static final String PART_PATH = "/internal/insights-part";

    private final FollowUpQueries followUps;
    private final PreventionQueries prevention;
    private final Instances instances;
    private final Clock clock;

    InsightsController(FollowUpQueries followUps, PreventionQueries prevention, Instances instances, Clock clock) {
        this.followUps = followUps;
        this.prevention = prevention;
        this.instances = instances;
        this.clock = clock;
    }

    @Operation(summary = "The ops dashboard's data",
            description = "Open escalations (promise breaches, overdue approvals and acknowledgements), follow-ups due"
                    + " and answered, satisfaction, root causes, prevention actions and their measured effect. Lists"
                    + " hold at most 50 entries; counts cover everything. Every followup instance gives the same"
                    + " answer: the one asked gathers the other instances' parts.")
    @ApiResponse(responseCode = "200", description = "The insights of every instance's stores",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Insights.class)))
    @ApiResponse(responseCode = "503", description = "The stream application is starting or rebalancing, or another"
            + " instance did not answer in time; retry after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "seconds"),
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/api/insights")
    Mono<Insights> insights() {
        return instances.gather(PART_PATH, InsightsPart.class, this::part, InsightsPart::held)
                .map(parts -> InsightsMerge.merge(parts, clock.instant()));
    }

    /** This instance's part, for the instance that was asked; never gathered further. */
    @Hidden
    @GetMapping(path = PART_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<InsightsPart> localPart() {
        // Store reads block (RocksDB): keep them off the event loop.
        return Mono.fromCallable(this::part).subscribeOn(Schedulers.boundedElastic());
    }

    private InsightsPart part() {
        var checks = followUps.followUps();
        var files = followUps.complaints();
        var actions = prevention.actions();
        return InsightsAssembler.part(HeldPartitions.of(checks, files, actions), checks.values(), files.values(),
                actions.values());
    }
}
