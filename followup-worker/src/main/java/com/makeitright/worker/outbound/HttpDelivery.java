package com.makeitright.worker.outbound;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends one outgoing HTTP request until it is delivered, refused for good, or its attempts are used up, as the
 * {@link RetryPolicy} says: the one retry loop of the worker's webhooks and helpdesk notes.
 */
public class HttpDelivery {

    private static final Logger log = LoggerFactory.getLogger(HttpDelivery.class);

    /** Waits between attempts; a seam so that unit tests do not wait. */
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** How a delivery ended: delivered, or not with the reason (and the last status, 0 when there was none). */
    public record Outcome(boolean delivered, boolean permanent, int attempts, int lastStatus, String reason) {
    }

    private final HttpClient http;
    private final RetryPolicy policy;
    private final Duration readTimeout;
    private final Clock clock;
    private final Pause pause;

    public HttpDelivery(HttpClient http, DeliverySettings settings, Clock clock, Pause pause) {
        this.http = http;
        this.policy = new RetryPolicy(settings);
        this.readTimeout = settings.readTimeout();
        this.clock = clock;
        this.pause = pause;
    }

    /** Never follows a redirect (a signed body or a credential is not sent on to another address), bounded connect. */
    public static HttpClient client(DeliverySettings settings) {
        return HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The read timeout every request must carry ({@link HttpRequest.Builder#timeout}). */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * @param label      who it goes to, for the log (never a credential)
     * @param deliveryId the delivery's stable id, for the log
     * @param request    builds the request of one attempt (a fresh one each time: a signature may carry the time)
     */
    public Outcome deliver(String label, String deliveryId, Supplier<HttpRequest> request)
            throws InterruptedException {
        int lastStatus = 0;
        String reason = "";
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<InputStream> response = http.send(request.get(), HttpResponse.BodyHandlers.ofInputStream());
                // The answer's body is not read: closing drops it, so a receiver that streams a body forever cannot
                // hold the delivery beyond its read timeout (which ends with the status line).
                response.body().close();
                lastStatus = response.statusCode();
                RetryPolicy.Verdict verdict = RetryPolicy.classify(lastStatus);
                if (verdict == RetryPolicy.Verdict.DELIVERED) {
                    return new Outcome(true, false, attempt, lastStatus, "");
                }
                reason = "HTTP " + lastStatus;
                if (verdict == RetryPolicy.Verdict.PERMANENT) {
                    return new Outcome(false, true, attempt, lastStatus, reason);
                }
                retryAfter = RetryPolicy.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null),
                        clock.instant());
            } catch (IOException e) { // connect refused or timed out, read timed out, connection reset
                lastStatus = 0;
                reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (IllegalArgumentException e) { // a URL the client cannot use will not get better
                return new Outcome(false, true, attempt, 0, "unusable URL: " + e.getMessage());
            }
            if (attempt < policy.maxAttempts()) {
                Duration wait = policy.waitAfter(attempt, retryAfter);
                log.info("{} delivery {} attempt {} failed ({}); next in {}", label, deliveryId, attempt, reason, wait);
                pause.pause(wait);
            }
        }
        return new Outcome(false, false, policy.maxAttempts(), lastStatus,
                reason + " after " + policy.maxAttempts() + " attempts");
    }
}
