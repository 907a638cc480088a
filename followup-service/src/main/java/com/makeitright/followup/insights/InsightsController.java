package com.makeitright.followup.insights;

import com.makeitright.followup.prevention.PreventionQueries;
import com.makeitright.followup.schedule.FollowUpQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;

/** {@code GET /api/insights}: the ops dashboard's data, read from the state stores on each request. */
@RestController
class InsightsController {

    private final FollowUpQueries followUps;
    private final PreventionQueries prevention;
    private final Clock clock;

    InsightsController(FollowUpQueries followUps, PreventionQueries prevention, Clock clock) {
        this.followUps = followUps;
        this.prevention = prevention;
        this.clock = clock;
    }

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
