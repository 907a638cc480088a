package com.makeitright.worker.webhooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Delivers one event to one subscription: signed POSTs, retried by the {@link RetryPolicy}, within its bound. */
class WebhookDelivery {

    static final String DELIVERY_HEADER = "X-MakeItRight-Delivery";
    static final String EVENT_HEADER = "X-MakeItRight-Event";
    static final String TIMESTAMP_HEADER = "X-MakeItRight-Timestamp";
    static final String SIGNATURE_HEADER = "X-MakeItRight-Signature";

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    /** Waits between attempts; a seam so that unit tests do not wait. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** One event to deliver: its stable id, its event name and its JSON. */
    record Outgoing(String deliveryId, String eventName, byte[] body) {
    }

    /** How a delivery ended: delivered, or not with the reason (and the last status, 0 when there was none). */
    record Outcome(boolean delivered, boolean permanent, int attempts, int lastStatus, String reason) {
    }

    private final HttpClient http;
    private final RetryPolicy policy;
    private final Duration readTimeout;
    private final Clock clock;
    private final Pause pause;

    WebhookDelivery(HttpClient http, WebhookProperties.Delivery settings, Clock clock, Pause pause) {
        this.http = http;
        this.policy = new RetryPolicy(settings);
        this.readTimeout = settings.readTimeout();
        this.clock = clock;
        this.pause = pause;
    }

    /** Never follows a redirect (a signed body is not sent on to another address), bounded connect. */
    static HttpClient client(WebhookProperties.Delivery settings) {
        return HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Outcome deliver(WebhookProperties.Subscription subscription, Outgoing outgoing) throws InterruptedException {
        int lastStatus = 0;
        String reason = "";
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<InputStream> response = http.send(request(subscription, outgoing),
                        HttpResponse.BodyHandlers.ofInputStream());
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
                log.info("Webhook {} delivery {} attempt {} failed ({}); next in {}", subscription.name(),
                        outgoing.deliveryId(), attempt, reason, wait);
                pause.pause(wait);
            }
        }
        return new Outcome(false, false, policy.maxAttempts(), lastStatus,
                reason + " after " + policy.maxAttempts() + " attempts");
    }

    private HttpRequest request(WebhookProperties.Subscription subscription, Outgoing outgoing) {
        // A fresh timestamp per attempt, so a receiver's replay window also accepts a late retry.
        String timestamp = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        return HttpRequest.newBuilder(URI.create(subscription.url()))
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "MakeItRight-Webhooks")
                .header(DELIVERY_HEADER, outgoing.deliveryId())
                .header(EVENT_HEADER, outgoing.eventName())
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, WebhookSignature.sign(subscription.secret(), timestamp, outgoing.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(outgoing.body()))
                .build();
    }
}
