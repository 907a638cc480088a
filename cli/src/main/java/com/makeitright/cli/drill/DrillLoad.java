package com.makeitright.cli.drill;

import com.makeitright.cli.simulate.Simulation;
import com.makeitright.cli.simulate.SimulationOptions;
import com.makeitright.cli.simulate.SimulationSummary;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A steady simulated load for as long as the drill runs: the simulator ({@link Simulation}) started afresh for
 * every batch of {@code batch} seconds' worth of complaints (each batch its own seed, posting at the rate while
 * the earlier ones are still followed to the end), so the load does not pause while complaints settle. Tells
 * when a complaint last closed, so a fault's heal time can include "the load flows again".
 */
public final class DrillLoad implements AutoCloseable {

    private final URI intake;
    private final double rate;
    private final Duration batch;
    private final Duration complaintTimeout;
    private final Duration pollCeiling;
    private final long seed;
    private final ExecutorService runs = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "drill-load");
        thread.setDaemon(true);
        return thread;
    });
    private final Function<String, String> bearer;
    private final List<Future<SimulationSummary>> batches = new ArrayList<>();
    private final AtomicLong lastClosedNanos = new AtomicLong();
    private volatile boolean stopping;
    private Thread launcher;

    /** {@code bearer}: each role's {@code Authorization} value, as {@link Simulation} takes it. */
    public DrillLoad(URI intake, Function<String, String> bearer, double rate, Duration batch, Duration complaintTimeout,
                     Duration pollCeiling, long seed) {
        this.pollCeiling = pollCeiling;
        this.intake = intake;
        this.bearer = bearer;
        this.rate = rate;
        this.batch = batch;
        this.complaintTimeout = complaintTimeout;
        this.seed = seed;
    }

    public void start() {
        launcher = new Thread(() -> {
            int count = Math.max(1, (int) Math.round(rate * batch.toMillis() / 1000.0));
            long next = System.nanoTime();
            for (int i = 0; !stopping; i++) {
                SimulationOptions options = new SimulationOptions(intake, count, rate, seed + i, complaintTimeout,
                        0.1, 0.15, 0.2, 4).withPollCeiling(pollCeiling);
                synchronized (batches) {
                    AtomicInteger closedInBatch = new AtomicInteger();
                    batches.add(runs.submit(() -> new Simulation(options, bearer).run(counts -> {
                        // Called once per finished complaint; a complaint closed when the batch's count grew.
                        if (counts.closed() > closedInBatch.getAndAccumulate(counts.closed(), Math::max)) {
                            lastClosedNanos.set(System.nanoTime());
                        }
                    })));
                }
                next += batch.toNanos();
                while (!stopping && System.nanoTime() < next) {
                    LockSupport.parkNanos(Math.min(200_000_000L, next - System.nanoTime()));
                }
            }
        }, "drill-load-launcher");
        launcher.setDaemon(true);
        launcher.start();
    }

    /** {@link System#nanoTime()} when a complaint last closed (0: none yet). */
    public long lastClosedNanos() {
        return lastClosedNanos.get();
    }

    /**
     * Stops posting new batches, then waits (up to {@code settle}) until every batch has followed its complaints
     * to the end. Returns the summaries of the batches that finished and how many did not.
     */
    public Result stop(Duration settle) throws InterruptedException {
        stopping = true;
        if (launcher != null) {
            launcher.join();
        }
        long deadline = System.nanoTime() + settle.toNanos();
        List<SimulationSummary> summaries = new ArrayList<>();
        int unfinished = 0;
        List<Future<SimulationSummary>> all;
        synchronized (batches) {
            all = List.copyOf(batches);
        }
        for (Future<SimulationSummary> future : all) {
            try {
                summaries.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                unfinished++;
            } catch (ExecutionException e) {
                unfinished++;
            }
        }
        return new Result(summaries, unfinished);
    }

    @Override
    public void close() {
        stopping = true;
        runs.shutdownNow();
    }

    /** The batches' summaries; {@code unfinished}: batches still running when the settle time was up. */
    public record Result(List<SimulationSummary> summaries, int unfinished) {
    }
}
