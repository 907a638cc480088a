package com.makeitright.intake.status;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The body one intake instance sends another (stored entries, each length-prefixed), and a peer that answers too late
 * over real HTTP.
 */
class PeerViewsTest {

    @Test
    void entriesSurviveTheRoundTripInOrderEmptyOnesIncluded() {
        List<byte[]> entries = List.of(new byte[]{1, 2, 3}, new byte[0], new byte[]{(byte) 0xff});

        assertThat(PeerViews.split(PeerViews.join(entries))).containsExactlyElementsOf(entries);
        assertThat(PeerViews.split(new byte[0])).isEmpty();
    }

    @Test
    void aBodyCutShortIsRefusedNotReadPastItsEnd() {
        byte[] body = PeerViews.join(List.of(new byte[]{1, 2, 3, 4}));

        assertThatThrownBy(() -> PeerViews.split(java.util.Arrays.copyOf(body, body.length - 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cut short");
    }

    @Test
    void aPeerThatAnswersPastTheWaitFailsAsAMovingStoreAndNothingIsDropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext(PeerViews.OPEN_CASES_PATH, exchange -> {
            boolean slow = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).contains("slow");
            try {
                release.await(slow ? 5 : 0, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"partitions\":[0],\"cases\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        peer.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        peer.start();
        List<Throwable> dropped = new CopyOnWriteArrayList<>();
        Hooks.onErrorDropped(dropped::add);
        try {
            PeerViews views = new PeerViews(new ViewRoutingProperties(URI.create("http://127.0.0.1:1"), null,
                    Duration.ofSeconds(3), Duration.ofSeconds(10)), new SimpleMeterRegistry());
            HostInfo host = new HostInfo("127.0.0.1", peer.getAddress().getPort());
            assertThat(views.openCases(host, "C-quick", Optional.empty(), Duration.ofSeconds(3))
                    .block(Duration.ofSeconds(5)).partitions()).containsExactly(0);

            long started = System.nanoTime();
            assertThatThrownBy(() -> views.openCases(host, "C-slow", Optional.empty(), Duration.ofMillis(300))
                    .block(Duration.ofSeconds(5)))
                    .isInstanceOf(InvalidStateStoreException.class).hasMessageContaining("did not answer");
            // its own wait, not the 3 s of the routing timeout (nor the 5 s the peer would take)
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));

            release.countDown(); // the late answer arrives after the caller gave up: nothing may be dropped
            assertThat(views.openCases(host, "C-quick", Optional.empty(), Duration.ofSeconds(3))
                    .block(Duration.ofSeconds(5)).partitions()).containsExactly(0);
            assertThat(dropped).isEmpty();
        } finally {
            Hooks.resetOnErrorDropped();
            peer.stop(0);
        }
    }
}
