package com.makeitright.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Resident memory (VmRSS) of each process the bench watched: once when idle, and the peak sampled every half
 * second while a section loaded it. One entry per process name, so it stays as small as the process list.
 */
final class MemoryLog {

    private final Map<String, Long> idle = new ConcurrentHashMap<>();
    private final Map<String, Long> underLoad = new ConcurrentHashMap<>();

    void idle(String process, OptionalLong bytes) {
        bytes.ifPresent(value -> idle.put(process, value));
    }

    Map<String, Long> idle() {
        return new LinkedHashMap<>(idle);
    }

    Map<String, Long> underLoad() {
        return new LinkedHashMap<>(underLoad);
    }

    /** Samples the processes' RSS in the background until the returned handle is closed; keeps each peak. */
    Sampling sample(Map<String, Supplier<OptionalLong>> processes) {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                processes.forEach((name, rss) -> rss.get().ifPresent(bytes -> underLoad.merge(name, bytes, Math::max)));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return () -> {
            running.set(false);
            try {
                sampler.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Stops the sampling started by {@link #sample}. */
    interface Sampling extends AutoCloseable {
        @Override
        void close();
    }
}
