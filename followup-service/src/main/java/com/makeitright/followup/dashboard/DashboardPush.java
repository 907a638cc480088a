package com.makeitright.followup.dashboard;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Tells the open pages that the read model changed: only the model's version, which every page compares and then
 * reads what it shows. The sink keeps just the latest version, so a slow page costs nothing. When the service shuts
 * down the streams end at once (the pages reconnect), instead of holding the graceful shutdown for its full timeout.
 */
final class DashboardPush implements ApplicationListener<ContextClosedEvent> {

    private final Sinks.Many<Long> versions = Sinks.many().replay().latest();
    private final Sinks.One<Boolean> closing = Sinks.one();

    void changed(long version) {
        versions.tryEmitNext(version);
    }

    Flux<Long> versions() {
        return versions.asFlux();
    }

    Mono<Boolean> closing() {
        return closing.asMono();
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing.tryEmitValue(true);
    }
}
