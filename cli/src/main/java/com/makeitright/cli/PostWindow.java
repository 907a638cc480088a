package com.makeitright.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The scale-out drill's measure of what a client sees while a broker and instances die: one complaint posted every
 * {@code interval} (each with its own Idempotency-Key, on its own thread, so a slow answer does not delay the next),
 * each answer's status and time kept. The window is the longest run of consecutive non-2xx answers (503, a reset, a
 * timeout), from the first one's sending to the last one's answer. Afterwards every key that got no 202 is posted
 * again with the same key until it is accepted (bounded), so the audit can demand exactly one ComplaintReceived each.
 */
final class PostWindow implements AutoCloseable {


    /** One POST: sent and answered at, its status (-1: no HTTP answer). */
    record Attempt(String key, long sentNanos, long endNanos, int status) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * @param windowSeconds longest span of consecutive non-2xx answers (0: none)
     * @param slowestOkSeconds the slowest 2xx answer
     */
    record Outcome(int posted, int failed, double windowSeconds, double slowestOkSeconds, Map<String, String> accepted,
                   List<String> notAccepted, Map<String, Integer> failures) {
    }

    private final URI complaints;
    private final String authorization;
    private final Duration interval;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("drill-post-tick"));
    /** At most 32 POSTs in flight: 30 s of answers at 4/s would be 120, and nothing is learnt from more. */
    private final ExecutorService senders = Executors.newFixedThreadPool(32, daemon("drill-post"));

    PostWindow(URI intake, String authorization, Duration interval) {
        this.complaints = intake.resolve("/api/complaints");
        this.authorization = authorization;
        this.interval = interval;
    }

    void start() {
        ticker.scheduleAtFixedRate(() -> senders.submit(() -> attempts.add(post("drill-scale-" + UUID.randomUUID()))),
                0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops posting, waits for the answers in flight, then posts every key without a 202 again (within {@code retryFor}). */
    Outcome stop(Duration retryFor) {
        ticker.shutdownNow();
        senders.shutdown();
        try {
            senders.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Attempt> sorted = new ArrayList<>(attempts);
        sorted.sort(Comparator.comparingLong(Attempt::sentNanos));
        double window = 0;
        double slowestOk = 0;
        int failed = 0;
        long runStart = -1;
        long runEnd = -1;
        for (Attempt attempt : sorted) {
            if (attempt.ok()) {
                slowestOk = Math.max(slowestOk, (attempt.endNanos() - attempt.sentNanos()) / 1e9);
                runStart = -1;
                continue;
            }
            failed++;
            if (runStart < 0) {
                runStart = attempt.sentNanos();
                runEnd = attempt.endNanos();
            }
            runEnd = Math.max(runEnd, attempt.endNanos());
            window = Math.max(window, (runEnd - runStart) / 1e9);
        }
        Map<String, Integer> failures = new java.util.TreeMap<>();
        sorted.stream().filter(attempt -> !attempt.ok()).forEach(attempt -> failures.merge(
                attempt.status() < 0 ? "no answer" : String.valueOf(attempt.status()), 1, Integer::sum));
        // Each key without a 202 again, in rounds, 8 at a time, with its own key: the client's retry.
        List<String> notAccepted = sorted.stream().map(Attempt::key).distinct()
                .filter(key -> !accepted.containsKey(key)).toList();
        long deadline = System.nanoTime() + retryFor.toNanos();
        while (!notAccepted.isEmpty() && System.nanoTime() < deadline) {
            ExecutorService retries = Executors.newFixedThreadPool(8, daemon("drill-post-retry"));
            notAccepted.forEach(key -> retries.submit(() -> post(key)));
            retries.shutdown();
            try {
                retries.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                retries.shutdownNow();
            }
            notAccepted = notAccepted.stream().filter(key -> !accepted.containsKey(key)).toList();
            if (!notAccepted.isEmpty()) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
        }
        return new Outcome(sorted.size(), failed, window, slowestOk, Map.copyOf(accepted), notAccepted, failures);
    }

    private Attempt post(String key) {
        long sent = System.nanoTime();
        HttpRequest request = InFlightProbe.complaintPost(complaints, key, authorization, Duration.ofSeconds(30));
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            InFlightProbe.rememberAccepted(response, key, accepted);
            return new Attempt(key, sent, System.nanoTime(), response.statusCode());
        } catch (IOException e) {
            return new Attempt(key, sent, System.nanoTime(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(key, sent, System.nanoTime(), -1);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        senders.shutdownNow();
    }
}
