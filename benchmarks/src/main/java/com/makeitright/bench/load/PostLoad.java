package com.makeitright.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The bench's closed-loop load on one endpoint, outside the bench: for focused before/after measurements
 * (BENCHMARKS.md). {@code PostLoad URL CONNECTIONS SECONDS [many|hot] [WARM_UP_SECONDS]}; prints one line.
 * The environment variable {@code BENCH_KEY_FILE} names the file holding the API key it sends as a bearer
 * (a stack's {@code credentials/helpdesk}); without it the requests go unauthenticated.
 */
public final class PostLoad {

    private PostLoad() {
    }

    private static String authorization() {
        String keyFile = System.getenv("BENCH_KEY_FILE");
        if (keyFile == null || keyFile.isBlank()) {
            return null;
        }
        try {
            return "Bearer " + java.nio.file.Files.readString(java.nio.file.Path.of(keyFile)).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read BENCH_KEY_FILE " + keyFile, e);
        }
    }

    public static void main(String[] args) {
        URI endpoint = URI.create(args[0]);
        int connections = Integer.parseInt(args[1]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        boolean hot = args.length > 3 && args[3].equals("hot");
        Duration warmUp = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 5);
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        ComplaintBodies bodies = hot ? ComplaintBodies.oneCustomer(tag) : ComplaintBodies.manyCustomers(tag);
        try (LoadGenerator load = new LoadGenerator(endpoint, bodies::body, connections, authorization())) {
            LoadResult result = load.closedLoop(connections, warmUp, duration);
            System.out.printf(Locale.ROOT, "%s: %.0f accepted/s (%,d accepted of %,d in %.1f s), p50 %.1f ms, "
                            + "p99 %.1f ms%s%n", result.shape(), result.acceptedPerSecond(), result.accepted(),
                    result.sent(), result.seconds(), result.latency().p50(), result.latency().p99(),
                    result.failed() == 0 ? "" : "; " + result.failureNote());
        }
    }
}
