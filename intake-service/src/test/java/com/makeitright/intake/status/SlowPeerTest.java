package com.makeitright.intake.status;

import com.makeitright.intake.IntakeProperties;
import com.makeitright.platform.PlatformProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A holder that takes each call's whole timeout to fail (it restarted and its own view is not ready) must not keep a
 * read retrying for as many attempts as the wait has retry intervals: that was minutes, past the request's own bound,
 * and the client got no answer at all (scale-out drill run H). The read ends with a 503 at {@code move-wait}, not at
 * the start-up's {@code ready-wait}. And a holder that refuses at once is asked again after growing pauses, not ten
 * times a second (run M).
 */
class SlowPeerTest {

    private static final Duration READY_WAIT = Duration.ofSeconds(30);
    private static final Duration MOVE_WAIT = Duration.ofSeconds(1);

    private final IntakeProperties properties = new IntakeProperties(READY_WAIT, Duration.ofSeconds(5), MOVE_WAIT, Duration.ofSeconds(10), null,
            Duration.ofSeconds(5), new IntakeProperties.Unapplied(100, DataSize.ofMegabytes(1), Duration.ofMinutes(5)),
            100, new IntakeProperties.View(Duration.ofDays(1), Duration.ofDays(2), 100, Duration.ofMinutes(1)),
            new IntakeProperties.PersonalData(Duration.ofDays(365), Duration.ofHours(1)));
    private final StreamsBuilderFactoryBean streams = new StreamsBuilderFactoryBean();
    private final ViewRoutingProperties routing = new ViewRoutingProperties(null, null, Duration.ofMillis(300),
            Duration.ofSeconds(10));
    private final AtomicInteger calls = new AtomicInteger();

    private final ViewReadiness ready = new ViewReadiness(streams, new KafkaAdmin(Map.of()), properties) {
        @Override
        Mono<Void> ready() {
            return Mono.empty();
        }
    };

    @AfterEach
    void stop() {
        ready.destroy();
    }

    @Test
    void aPeerThatTakesItsWholeTimeoutToFailEndsTheReadWithA503AtMoveWait() {
        StreamsComplaintViews views = viewsAskingAPeerThat(owner -> Mono.<List<byte[]>>error(
                new InvalidStateStoreException(owner + " did not answer")).delaySubscription(routing.timeout()));

        // attempts alone would allow 10 of 400 ms each and more; the answer must come at the 1 s wait, before 3 s
        assertThatThrownBy(() -> views.find("c-1").block(Duration.ofSeconds(3)))
                .isInstanceOf(ViewUnavailable.class);
        assertThat(calls.get()).isBetween(1, 4);
    }

    @Test
    void aPeerThatRefusesAtOnceIsAskedAgainAfterGrowingPausesUntilMoveWait() {
        StreamsComplaintViews views = viewsAskingAPeerThat(owner -> Mono.error(
                new InvalidStateStoreException(owner + " is restoring")));

        assertThatThrownBy(() -> views.find("c-1").block(Duration.ofSeconds(3)))
                .isInstanceOf(ViewUnavailable.class).hasMessageContaining("retry shortly");
        // pauses of 100, 200, 400, 800 ms (each ±50 %) fit 3 to 6 calls in the 1 s wait; a fixed 100 ms, 10
        assertThat(calls.get()).isBetween(2, 6);
    }

    /** A view whose every complaint another instance holds, which answers each call (counted) as {@code answer}. */
    private StreamsComplaintViews viewsAskingAPeerThat(Function<HostInfo, Mono<List<byte[]>>> answer) {
        ViewOwners elsewhere = new ViewOwners(streams, routing) {
            @Override
            Optional<HostInfo> elsewhere(String complaintId) {
                return Optional.of(new HostInfo("intake-2", 8080));
            }
        };
        PeerViews peer = new PeerViews(routing, new SimpleMeterRegistry()) {
            @Override
            Mono<List<byte[]>> entries(HostInfo owner, String complaintId, Optional<String> credential) {
                return Mono.defer(() -> {
                    calls.incrementAndGet();
                    return answer.apply(owner);
                });
            }
        };
        return new StreamsComplaintViews(streams, ready,
                new UnappliedWrites(10, 1_000_000, Duration.ofMinutes(5), System::nanoTime), properties, elsewhere,
                peer, platform());
    }

    private static PlatformProperties platform() {
        return new Binder(new MapConfigurationPropertySource(Map.of("makeitright.kafka.topics.partitions", "3")))
                .bindOrCreate("makeitright", PlatformProperties.class);
    }
}
