package com.makeitright.cli.simulate;

import com.makeitright.cli.stack.Ports;
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
 * How often a journey reads a complaint that waits inside the system, against a real HTTP server: the wait grows by
 * half from 150 ms up to the poll ceiling and starts again when the stage changes. The ceiling is what bounds the
 * read load of a drill's thousands of open complaints.
 */
class ComplaintJourneyPollingTest {

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
            byte[] body = (post ? "{\"complaintId\":\"c-1\"}" : "{\"complaintId\":\"c-1\",\"stage\":\"" + stage.get()
                    + "\",\"round\":1}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(post ? 202 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        IntakeClient intake = new IntakeClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                role -> null);
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
}
