package com.makeitright.bench.load;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator against a real HTTP server on a free port that answers 202, 503 and 429 in turn. */
class LoadGeneratorTest {

    private final AtomicLong requests = new AtomicLong();
    private DisposableServer server;

    @BeforeEach
    void start() {
        int[] statuses = {202, 503, 202, 429};
        server = HttpServer.create().host("localhost").port(0)
                .route(routes -> routes.post("/api/complaints", (request, response) -> request.receive().then(
                        Mono.defer(() -> response.status(statuses[(int) (requests.getAndIncrement() % 4)])
                                .sendString(Mono.just("{}")).then()))))
                .bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @Test
    void failuresAreCountedByStatus() {
        try (LoadGenerator load = new LoadGenerator(URI.create("http://localhost:" + server.port()
                + "/api/complaints"), request -> "{}".getBytes(), 4)) {
            LoadResult result = load.count(400, 4);

            assertThat(result.sent()).isEqualTo(400);
            assertThat(result.accepted()).isEqualTo(200);
            assertThat(result.failed()).isEqualTo(200);
            assertThat(result.failedByStatus()).isEqualTo(Map.of(429, 100L, 503, 100L));
            assertThat(result.failureNote()).isEqualTo("200 of 400 failed (429: 100, 503: 100)");
        }
    }

    @Test
    void aRequestWithoutAnAnswerIsCountedAsSuch() {
        int closedPort = server.port();
        server.disposeNow();
        try (LoadGenerator load = new LoadGenerator(URI.create("http://localhost:" + closedPort + "/api/complaints"),
                request -> "{}".getBytes(), 2)) {
            LoadResult result = load.count(3, 2);

            assertThat(result.failedByStatus()).isEqualTo(Map.of(LoadResult.NO_ANSWER, 3L));
            assertThat(result.failuresByStatus()).isEqualTo("no answer: 3");
        }
    }
}
