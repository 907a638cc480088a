package com.makeitright.cli.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Asks a service's {@code /actuator/health}: UP once its stream application runs. */
public final class HealthProbe {

    /** What a health check found. */
    public enum Health {
        /** HTTP 200: the service and its stream application run. */
        UP,
        /** It answers, but not healthy (503: stream application not running yet, or failed). */
        DOWN,
        /** Nothing answers on the port. */
        NO_ANSWER
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String host;

    public HealthProbe() {
        this("localhost");
    }

    public HealthProbe(String host) {
        this.host = host;
    }

    public Health check(int port) {
        return check(port, "/actuator/health");
    }

    /** Asks {@code path} on {@code port} instead (the mail server's readiness is {@code /api/service/readiness}). */
    public Health check(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? Health.UP : Health.DOWN;
        } catch (IOException e) {
            return Health.NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.NO_ANSWER;
        }
    }

    /**
     * Waits until the service on {@code port} is UP. Gives up early when {@code stillRunning} turns false (the
     * process died) and throws with the reason.
     */
    public void awaitUp(String name, int port, Duration timeout, BooleanSupplier stillRunning) {
        awaitUp(name, port, "/actuator/health", timeout, stillRunning);
    }

    /** {@link #awaitUp(String, int, Duration, BooleanSupplier)} on another health path. */
    public void awaitUp(String name, int port, String path, Duration timeout, BooleanSupplier stillRunning) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Health last = Health.NO_ANSWER;
        while (System.nanoTime() < deadline) {
            last = check(port, path);
            if (last == Health.UP) {
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new StackException("Stopped waiting for " + name + " (interrupted)");
            }
            if (!stillRunning.getAsBoolean()) {
                throw new StackException(name + " exited before it became healthy");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        throw new StackException(name + " was not healthy after " + timeout.toSeconds() + " s (last: " + last + ")");
    }
}
