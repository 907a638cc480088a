package com.makeitright.bench.load;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.HdrHistogram.ConcurrentHistogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * HTTP load on one endpoint with Reactor Netty, in two shapes. Closed loop: N connections, each sends its next
 * request when the previous one was answered, which finds the saturation rate. Open loop: requests leave on a
 * fixed schedule whatever the server does, and each latency counts from when the request was due, not from
 * when it left, so a stalled server shows in the percentiles instead of slowing the generator down
 * (coordinated omission).
 */
public final class LoadGenerator implements AutoCloseable {

    private static final Set<Integer> ACCEPTED = Set.of(200, 201, 202);

    private final URI endpoint;
    private final LongFunction<byte[]> bodies;
    private final ConnectionProvider pool;
    private final LoopResources loops;
    private final HttpClient client;
    private final AtomicLong requestNumber = new AtomicLong();

    /** {@code maxConnections}: the pool's size; closed-loop runs use at most this many. */
    public LoadGenerator(URI endpoint, LongFunction<byte[]> bodies, int maxConnections) {
        this(endpoint, bodies, maxConnections, null);
    }

    /** {@code authorization}: the {@code Authorization} header every POST sends (intake's helpdesk key), or null. */
    public LoadGenerator(URI endpoint, LongFunction<byte[]> bodies, int maxConnections, String authorization) {
        this.endpoint = endpoint;
        this.bodies = bodies;
        this.pool = ConnectionProvider.builder("bench-load").maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1).pendingAcquireTimeout(Duration.ofMinutes(2)).build();
        this.loops = LoopResources.create("bench-load", Math.max(1, Runtime.getRuntime().availableProcessors()), true);
        this.client = HttpClient.create(pool).runOn(loops).responseTimeout(Duration.ofSeconds(60))
                .headers(headers -> {
                    headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
                    if (authorization != null) {
                        headers.set(HttpHeaderNames.AUTHORIZATION, authorization);
                    }
                });
    }

    /** {@code connections} requests in flight at any time, for {@code warmUp} unrecorded, then {@code duration}. */
    public LoadResult closedLoop(int connections, Duration warmUp, Duration duration) {
        runClosed(connections, warmUp, (status, nanos) -> { });
        ConcurrentHistogram latencies = Latency.concurrentMicros();
        Statuses statuses = new Statuses();
        long start = System.nanoTime();
        runClosed(connections, duration, (status, nanos) -> {
            Latency.recordNanos(latencies, nanos);
            statuses.record(status);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return statuses.result("closed loop, " + connections + " connections", statuses.answered(), seconds,
                latencies);
    }

    /** Exactly {@code count} requests, at most {@code connections} in flight: to preload a topic. */
    public LoadResult count(int count, int connections) {
        ConcurrentHistogram latencies = Latency.concurrentMicros();
        Statuses statuses = new Statuses();
        long start = System.nanoTime();
        Flux.range(0, count).flatMap(i -> Mono.defer(() -> {
            long sent = System.nanoTime();
            return post().doOnNext(status -> {
                Latency.recordNanos(latencies, System.nanoTime() - sent);
                statuses.record(status);
            });
        }), connections).blockLast(Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        return statuses.result(count + " requests, " + connections + " connections", count, seconds, latencies);
    }

    private void runClosed(int connections, Duration duration, Recorder recorder) {
        long deadline = System.nanoTime() + duration.toNanos();
        Flux.range(0, connections)
                .flatMap(worker -> Mono.defer(() -> {
                    long sent = System.nanoTime();
                    return post().doOnNext(status -> recorder.record(status, System.nanoTime() - sent));
                }).repeat(() -> System.nanoTime() < deadline), connections)
                .blockLast(duration.plusMinutes(2));
    }

    /**
     * {@code rate} requests per second for {@code duration}, each due at its slot of the schedule; waits (at most
     * two minutes) for the last answers. Latency counts from the slot.
     */
    public LoadResult openLoop(double rate, Duration duration) {
        ConcurrentHistogram latencies = Latency.concurrentMicros();
        Statuses statuses = new Statuses();
        long total = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double period = 1e9 / rate;
        AtomicLong inFlight = new AtomicLong();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * period);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.incrementAndGet();
            post().doFinally(signal -> inFlight.decrementAndGet()).subscribe(status -> {
                Latency.recordNanos(latencies, System.nanoTime() - due);
                statuses.record(status);
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long patience = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (inFlight.get() > 0 && System.nanoTime() < patience) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // the last answers; unanswered ones fail below
        }
        // requests still unanswered after the patience count as failed without an answer
        return statuses.result(String.format(java.util.Locale.ROOT, "open loop, %.0f/s", rate), total, seconds,
                latencies);
    }

    /** The status of one POST, or {@link LoadResult#NO_ANSWER} when there was no answer. */
    private Mono<Integer> post() {
        byte[] body = bodies.apply(requestNumber.getAndIncrement());
        return client.post().uri(endpoint)
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                .responseSingle((response, content) -> content.asByteArray()
                        .map(bytes -> response.status().code())
                        .defaultIfEmpty(response.status().code()))
                .onErrorResume(error -> Mono.just(LoadResult.NO_ANSWER));
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
        loops.disposeLater().block(Duration.ofSeconds(10));
    }

    /** Answers counted by status: accepted ones together, every other status (and no answer) on its own. */
    private static final class Statuses {
        private final AtomicLong accepted = new AtomicLong();
        private final ConcurrentHashMap<Integer, LongAdder> failed = new ConcurrentHashMap<>();

        void record(int status) {
            if (ACCEPTED.contains(status)) {
                accepted.incrementAndGet();
            } else {
                failed.computeIfAbsent(status, s -> new LongAdder()).increment();
            }
        }

        long answered() {
            return accepted.get() + failed.values().stream().mapToLong(LongAdder::sum).sum();
        }

        /** {@code sent} requests in all; those neither accepted nor failed had no answer. */
        LoadResult result(String shape, long sent, double seconds, ConcurrentHistogram latencies) {
            Map<Integer, Long> byStatus = new TreeMap<>();
            failed.forEach((status, count) -> byStatus.put(status, count.sum()));
            long unanswered = sent - answered();
            if (unanswered > 0) {
                byStatus.merge(LoadResult.NO_ANSWER, unanswered, Long::sum);
            }
            long failedCount = byStatus.values().stream().mapToLong(Long::longValue).sum();
            return new LoadResult(shape, accepted.get() + failedCount, accepted.get(), failedCount, seconds,
                    Latency.of(latencies), byStatus);
        }
    }

    @FunctionalInterface
    private interface Recorder {
        void record(int status, long nanos);
    }
}
