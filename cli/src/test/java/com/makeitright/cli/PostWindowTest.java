package com.makeitright.cli;

import com.makeitright.cli.stack.Ports;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale-out drill's POST probe against a real HTTP server that answers {@code 503} for a while, then
 * {@code 202}: the window spans the run of {@code 503}s, the statuses are counted, and every key refused during it
 * is accepted by the retries with the same key.
 */
class PostWindowTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theWindowIsTheRunOfRefusalsAndEveryRefusedKeyIsAcceptedOnRetry() throws IOException {
        AtomicBoolean refusing = new AtomicBoolean(false);
        AtomicInteger refused = new AtomicInteger();
        Set<String> keys = ConcurrentHashMap.newKeySet();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.freePort()), 0);
        server.createContext("/api/complaints", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            exchange.getRequestBody().readAllBytes();
            boolean refuse = refusing.get();
            byte[] body = (refuse ? "{\"status\":503}" : "{\"complaintId\":\"" + UUID.nameUUIDFromBytes(key.getBytes())
                    + "\"}").getBytes(StandardCharsets.UTF_8);
            if (refuse) {
                refused.incrementAndGet();
            } else {
                keys.add(key);
            }
            exchange.sendResponseHeaders(refuse ? 503 : 202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();

        PostWindow.Outcome outcome;
        try (PostWindow window = new PostWindow(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null,
                Duration.ofMillis(50))) {
            window.start();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> keys.size() >= 3);
            refusing.set(true);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> refused.get() >= 5);
            refusing.set(false);
            int acceptedBefore = keys.size();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> keys.size() >= acceptedBefore + 3);
            outcome = window.stop(Duration.ofSeconds(10));
        }

        assertThat(outcome.failed()).isGreaterThanOrEqualTo(5);
        assertThat(outcome.failures()).isEqualTo(Map.of("503", outcome.failed()));
        assertThat(outcome.windowSeconds()).isGreaterThan(0).isLessThan(10);
        assertThat(outcome.notAccepted()).as("each refused key posted again until accepted").isEmpty();
        assertThat(outcome.accepted()).hasSize(outcome.posted());
    }
}
