package com.makeitright.bench;

import com.makeitright.bench.baseline.NoopEndpointApp;
import com.makeitright.bench.baseline.ParseAndSendApp;

import java.net.URI;
import java.util.List;

/** The two baseline endpoints, started on first use and shared by the sections that compare against them. */
final class Baselines {

    static final String NOOP = "noop-endpoint";
    static final String PARSE_AND_SEND = "parse-and-send";

    private Baselines() {
    }

    static URI noop(BenchStack stack) {
        return uri(stack.baselineApp(NOOP, NoopEndpointApp.class, List.of()));
    }

    static URI parseAndSend(BenchStack stack) {
        stack.createTopics(List.of(ParseAndSendApp.TOPIC));
        return uri(stack.baselineApp(PARSE_AND_SEND, ParseAndSendApp.class,
                List.of("--bench.bootstrap-servers=" + stack.bootstrapServers())));
    }

    private static URI uri(int port) {
        return URI.create("http://localhost:" + port + "/api/complaints");
    }
}
