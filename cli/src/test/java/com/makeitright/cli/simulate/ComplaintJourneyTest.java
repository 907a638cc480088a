package com.makeitright.cli.simulate;

import com.makeitright.cli.stack.Ports;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journey against a real HTTP server that plays intake. How often it reads a complaint that waits inside the
 * system: the wait grows by half from 150 ms up to the poll ceiling and starts again when the stage changes (the
 * ceiling bounds the read load of a drill's thousands of open complaints). And its check that a retried
 * Idempotency-Key replays: a 503 is no verdict, asked again.
 */
class ComplaintJourneyTest {

    private static final String ACCEPTED = "{\"complaintId\":\"c-1\"}";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anIdleComplaintIsReadLessOftenUpToTheCeilingAndQuicklyAgainOnceItMoves() throws IOException,
            InterruptedException {
        AtomicReference<String> stage = new AtomicReference<>("RECEIVED");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.freePort()), 0);
        server.createContext("/api/complaints", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean post = "POST".equals(exchange.getRequestMethod());
            answer(exchange, post ? 202 : 200, post ? ACCEPTED : viewAt(stage.get()));
        });
        IntakeClient intake = started();
        GeneratedComplaint complaint = new ComplaintGenerator(11, 0, 0).generate(1).get(0);
        ComplaintJourney journey = new ComplaintJourney(complaint, new CustomerBehaviour(new Random(1), 0), "run",
                TimeUnit.MINUTES.toNanos(5), System.nanoTime(), null, 0, 2_000);

        assertThat(journey.step(intake, System.nanoTime())).as("after the POST").isEqualTo(150);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waits.add(journey.step(intake, System.nanoTime()));
        }
        assertThat(waits).startsWith(150L, 225L, 337L, 505L).endsWith(2_000L, 2_000L, 2_000L)
                .allSatisfy(wait -> assertThat(wait).isBetween(150L, 2_000L)).isSorted();

        stage.set("TRIAGED");
        assertThat(journey.step(intake, System.nanoTime())).as("the stage changed").isEqualTo(150);
    }

    @Test
    void aReplayAnswered503IsAskedAgainAndThenVerifiedNotCountedAsABrokenContract() throws IOException,
            InterruptedException {
        java.util.concurrent.atomic.AtomicInteger posts = new java.util.concurrent.atomic.AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.freePort()), 0);
        server.createContext("/api/complaints", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = 200;
            if ("POST".equals(exchange.getRequestMethod())) {
                int post = posts.incrementAndGet();
                status = post == 2 ? 503 : 202; // the first replay meets a moving partition
                if (post > 1) {
                    exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
                }
            }
            answer(exchange, status, status == 503 ? "{\"status\":503}" : status == 202 ? ACCEPTED
                    : viewAt("RECEIVED"));
        });
        IntakeClient intake = started();
        GeneratedComplaint complaint = new ComplaintGenerator(11, 0, 1).generate(1).get(0);
        assertThat(complaint.retried()).isTrue();
        ComplaintJourney journey = new ComplaintJourney(complaint, new CustomerBehaviour(new Random(1), 0), "run",
                TimeUnit.MINUTES.toNanos(5), System.nanoTime());

        journey.step(intake, System.nanoTime());
        assertThat(journey.complaintId()).isEqualTo("c-1");
        assertThat(journey.replayVerified()).as("a 503 is no verdict").isNull();
        journey.step(intake, System.nanoTime());

        assertThat(posts.get()).isEqualTo(3);
        assertThat(journey.replayVerified()).isTrue();
        assertThat(journey.problems()).isEmpty();
    }

    private IntakeClient started() {
        server.start();
        return new IntakeClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), role -> null);
    }

    private static String viewAt(String stage) {
        return "{\"complaintId\":\"c-1\",\"stage\":\"" + stage + "\",\"round\":1}";
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
