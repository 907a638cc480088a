package com.makeitright.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drill's check of a graceful shutdown: a few clients post complaints (each with its own Idempotency-Key) back to
 * back while intake gets SIGTERM. Every request sent before the signal must get an HTTP answer (202, or a 503
 * problem+json): a reset or empty reply means the shutdown dropped a request it had taken. A refused connection means
 * it was not taken, which is what a stopping server does. After the restart every key without a 202 is posted again,
 * and the audit checks that each complaint has exactly one {@code ComplaintReceived}.
 */
final class InFlightProbe implements AutoCloseable {

    private static final Pattern COMPLAINT_ID = Pattern.compile("\"complaintId\"\\s*:\\s*\"([^\"]+)\"");

    /** One POST: when it was sent, and its status, or the exception that ended it. */
    record Attempt(String key, long sentNanos, long endNanos, int status, String error, boolean refused) {
    }

    /** What the requests sent before the signal got, and what the retries after the restart found. */
    record Outcome(int sentBeforeAnswered, int inFlightAnswered, List<String> unanswered, int refused, Map<String, String> complaintIds,
                   List<String> notAccepted) {
    }

    private final URI complaints;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, String> accepted = new java.util.concurrent.ConcurrentHashMap<>();
    private final ExecutorService clients;
    private final int count;
    private volatile boolean running = true;

    /** {@code authorization}: the helpdesk's {@code Authorization} value, or null. */
    InFlightProbe(URI intake, String authorization, int clients) {
        this.complaints = intake.resolve("/api/complaints");
        this.authorization = authorization;
        this.count = clients;
        this.clients = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "drill-in-flight");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Posts back to back on each client until intake refuses connections or {@link #close()}. */
    void start() {
        for (int i = 0; i < count; i++) {
            clients.submit(() -> {
                while (running) {
                    Attempt attempt = post("drill-term-" + UUID.randomUUID());
                    attempts.add(attempt);
                    if (attempt.refused()) {
                        return; // intake has stopped taking connections
                    }
                }
            });
        }
    }

    long answered() {
        return attempts.stream().filter(a -> a.status() > 0).count();
    }

    /** Waits (bounded) until every client has seen intake refuse, i.e. the server is gone. */
    boolean awaitRefused(Duration timeout) {
        clients.shutdown();
        try {
            return clients.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Classifies the attempts against the signal, then (intake running again) posts every key that got no 202
     * again, with the same key, until it does (bounded).
     */
    Outcome outcome(long signalNanos, Duration retryFor) {
        running = false;
        int sentBeforeAnswered = 0;
        int inFlightAnswered = 0;
        int refused = 0;
        List<String> unanswered = new ArrayList<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (Attempt attempt : attempts) {
            keys.put(attempt.key(), accepted.get(attempt.key()));
            if (attempt.refused()) {
                refused++;
            } else if (attempt.status() < 0 && attempt.sentNanos() < signalNanos) {
                unanswered.add(attempt.key() + ": " + attempt.error());
            } else if (attempt.status() > 0 && attempt.sentNanos() < signalNanos) {
                sentBeforeAnswered++;
                inFlightAnswered += attempt.endNanos() > signalNanos ? 1 : 0;
            }
        }
        List<String> notAccepted = new ArrayList<>();
        long deadline = System.nanoTime() + retryFor.toNanos();
        for (Map.Entry<String, String> key : keys.entrySet()) {
            while (key.getValue() == null && System.nanoTime() < deadline) {
                post(key.getKey());
                key.setValue(accepted.get(key.getKey()));
                if (key.getValue() == null) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
                }
            }
            if (key.getValue() == null) {
                notAccepted.add(key.getKey());
            }
        }
        keys.values().removeIf(java.util.Objects::isNull);
        return new Outcome(sentBeforeAnswered, inFlightAnswered, unanswered, refused, keys, notAccepted);
    }

    private Attempt post(String key) {
        long sent = System.nanoTime();
        HttpRequest request = complaintPost(complaints, key, authorization, Duration.ofSeconds(60));
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            rememberAccepted(response, key, accepted);
            return new Attempt(key, sent, System.nanoTime(), response.statusCode(), null, false);
        } catch (ConnectException e) {
            return new Attempt(key, sent, System.nanoTime(), -1, e.toString(), true);
        } catch (IOException e) {
            return new Attempt(key, sent, System.nanoTime(), -1, e.toString(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(key, sent, System.nanoTime(), -1, e.toString(), false);
        }
    }

    /** A probe's complaint, posted with its Idempotency-Key (the drill's probes: this one and {@link PostWindow}). */
    static HttpRequest complaintPost(URI complaints, String key, String authorization, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(complaints).timeout(timeout)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body(key)));
        return (authorization == null ? builder : builder.header("Authorization", authorization)).build();
    }

    /** A 202's complaint id, under the key that got it. */
    static void rememberAccepted(HttpResponse<String> response, String key, Map<String, String> accepted) {
        if (response.statusCode() == 202) {
            Matcher id = COMPLAINT_ID.matcher(response.body());
            if (id.find()) {
                accepted.put(key, id.group(1));
            }
        }
    }

    static String body(String key) {
        return """
                {"customer": {"id": "C-DRILL", "name": "Drill Customer", "email": "drill@example.com", "tier": "STANDARD"},
                 "channel": "EMAIL", "subject": "Order arrived incomplete (%s)",
                 "description": "Hello, my order of three mugs arrived with only two in the box. Could you send the missing one?",
                 "order": {"id": "O-DRILL", "sku": "MUG-SET-3", "amount": 36.00, "currency": "USD"},
                 "desiredOutcome": "Send the missing mug"}""".formatted(key);
    }

    @Override
    public void close() {
        running = false;
        clients.shutdownNow();
    }
}
