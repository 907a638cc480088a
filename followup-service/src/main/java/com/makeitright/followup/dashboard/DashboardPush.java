package com.makeitright.followup.dashboard;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells the open pages that the read model changed: only the model's version, which every page compares and then
 * reads what it shows. The sink keeps just the latest version, so a slow page costs nothing.
 */
final class DashboardPush {

    private final Sinks.Many<Long> versions = Sinks.many().replay().latest();

    void changed(long version) {
        versions.tryEmitNext(version);
    }

    Flux<Long> versions() {
        return versions.asFlux();
    }
}
