package com.makeitright.intake;

import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.security.TestCredentials;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady {@code POST /api/complaints} load spread over several intake instances, as a client with fail-over sends
 * it: one new complaint every {@code interval}, each with its own Idempotency-Key, first to the instances in turn;
 * a non-answer or a 5xx is retried with the same key on the next instance (every 200 ms, for at most a minute), as
 * the API asks. Every attempt is kept, so a test can measure what clients saw while a broker and an instance died.
 */
final class PostLoad {

    /** One HTTP attempt: its key, the instance asked, sent and answered at, its status (-1: no HTTP answer). */
    record Attempt(String key, int instance, long sentNanos, long endNanos, int status, String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The status, or for a non-answer why: what the failures are counted by. */
        String kind() {
            return status < 0 ? "no answer (" + error + ")" : String.valueOf(status);
        }
    }

    /** A key answered {@code 202}: when its first attempt was sent, when it was accepted, the complaint id. */
    record Accepted(String key, long firstSentNanos, long acceptedNanos, String complaintId) {
    }

    /**
     * @param windowSeconds      longest run of consecutive (by sending time) non-2xx attempts, from the first one's
     *                           sending to the last one's answer, as {@code ./complaints drill} measures it (0: none)
     * @param longestWaitSeconds longest time from a complaint's first attempt to its 202
     * @param notAccepted        keys that got no 202 within the retry bound, or a 4xx
     */
    record Outcome(List<Attempt> attempts, Map<String, Integer> failures, double windowSeconds,
                   double longestWaitSeconds, List<Accepted> accepted, List<String> notAccepted) {
    }

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };
    private static final Duration RETRY_EVERY = Duration.ofMillis(200);
    private static final int MAX_RETRIES = 300;

    private final List<WebClient> instances;
    private final Duration interval;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final Sinks.Empty<Void> stop = Sinks.empty();
    private CompletableFuture<Void> done;

    PostLoad(List<Integer> ports, Duration interval) {
        this.instances = ports.stream().map(port -> WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestCredentials.bearer("helpdesk")).build()).toList();
        this.interval = interval;
    }

    void start() {
        // at most 16 complaints in flight (retries included): the load stays steady, not a backlog
        done = Flux.interval(interval).onBackpressureDrop().takeUntilOther(stop.asMono())
                .flatMap(tick -> submit("load-" + UUID.randomUUID(), (int) (tick % instances.size())), 16)
                .then().toFuture();
    }

    /** Closing it cancels the load if {@link #stop} was not reached (a failed assertion): nothing outlives the test. */
    interface Running extends AutoCloseable {
        @Override
        void close();
    }

    Running running() {
        return () -> {
            stop.tryEmitEmpty();
            done.cancel(true);
        };
    }

    /** Complaints accepted whose first attempt was sent after {@code nanos}. */
    List<Accepted> acceptedSentAfter(long nanos) {
        return accepted.values().stream().filter(a -> a.firstSentNanos() > nanos).toList();
    }

    int acceptedCount() {
        return accepted.size();
    }

    /** The attempts sent after {@code nanos}, counted by answer: what a failed wait reports. */
    String answersSentAfter(long nanos) {
        Map<String, Integer> answers = new TreeMap<>();
        attempts.stream().filter(a -> a.sentNanos() > nanos).forEach(a -> answers.merge(a.kind(), 1, Integer::sum));
        return "answers to the attempts sent since: " + answers;
    }

    /** Stops sending new complaints, waits until those in flight are accepted or gave up, and sums up. */
    Outcome stop() throws Exception {
        stop.tryEmitEmpty();
        done.get(2, TimeUnit.MINUTES);
        List<Attempt> sorted = new ArrayList<>(attempts);
        sorted.sort(Comparator.comparingLong(Attempt::sentNanos));
        double window = 0;
        long runStart = -1;
        long runEnd = -1;
        Map<String, Integer> failures = new TreeMap<>();
        for (Attempt attempt : sorted) {
            if (attempt.ok()) {
                runStart = -1;
                continue;
            }
            failures.merge(attempt.kind(), 1, Integer::sum);
            if (runStart < 0) {
                runStart = attempt.sentNanos();
                runEnd = attempt.endNanos();
            }
            runEnd = Math.max(runEnd, attempt.endNanos());
            window = Math.max(window, (runEnd - runStart) / 1e9);
        }
        double longestWait = accepted.values().stream()
                .mapToDouble(a -> (a.acceptedNanos() - a.firstSentNanos()) / 1e9).max().orElse(0);
        List<String> notAccepted = keys.stream().filter(key -> !accepted.containsKey(key)).toList();
        return new Outcome(sorted, failures, window, longestWait, List.copyOf(accepted.values()), notAccepted);
    }

    private Mono<Void> submit(String key, int first) {
        keys.add(key);
        ComplaintRequest body = ComplaintRequest.aComplaint();
        long firstSent = System.nanoTime();
        AtomicInteger attempt = new AtomicInteger();
        return Mono.defer(() -> post(key, body, (first + attempt.getAndIncrement()) % instances.size()))
                .retryWhen(Retry.fixedDelay(MAX_RETRIES, RETRY_EVERY).filter(Unanswered.class::isInstance))
                .doOnNext(complaintId -> accepted.put(key, new Accepted(key, firstSent, System.nanoTime(), complaintId)))
                .onErrorResume(e -> Mono.empty()) // a 4xx, or the retries ran out: among notAccepted
                .then();
    }

    private Mono<String> post(String key, ComplaintRequest body, int instance) {
        long sent = System.nanoTime();
        return instances.get(instance).post().uri("/api/complaints").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(JSON_MAP).defaultIfEmpty(Map.of())
                        .map(json -> new Answer(response.statusCode().value(), json, null)))
                .timeout(Duration.ofSeconds(40)) // longer than intake's own bound (ready-wait 30 s): a non-answer
                .onErrorResume(e -> Mono.just(new Answer(-1, Map.of(), e.getClass().getSimpleName())))
                .flatMap(answer -> {
                    int status = answer.status();
                    attempts.add(new Attempt(key, instance, sent, System.nanoTime(), status, answer.error()));
                    if (status >= 200 && status < 300) {
                        return Mono.just((String) answer.json().get("complaintId"));
                    }
                    return Mono.error(status < 0 || status >= 500 ? new Unanswered() : new IllegalStateException(
                            "POST " + key + " answered " + status + ": " + answer.json()));
                });
    }

    private record Answer(int status, Map<String, Object> json, String error) {
    }

    /** A non-answer or a 5xx: the client tries again with the same key. */
    private static final class Unanswered extends RuntimeException {
        Unanswered() {
            super(null, null, false, false);
        }
    }
}
