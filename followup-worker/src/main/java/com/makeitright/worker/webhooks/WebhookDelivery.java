package com.makeitright.worker.webhooks;

import com.makeitright.worker.outbound.HttpDelivery;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Delivers one event to one subscription: signed POSTs, retried by the shared {@link HttpDelivery}. */
class WebhookDelivery {

    static final String DELIVERY_HEADER = "X-MakeItRight-Delivery";
    static final String EVENT_HEADER = "X-MakeItRight-Event";
    static final String TIMESTAMP_HEADER = "X-MakeItRight-Timestamp";
    static final String SIGNATURE_HEADER = "X-MakeItRight-Signature";

    /** One event to deliver: its stable id, its event name and its JSON. */
    record Outgoing(String deliveryId, String eventName, byte[] body) {
    }

    private final HttpDelivery http;
    private final Clock clock;

    WebhookDelivery(HttpDelivery http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    HttpDelivery.Outcome deliver(WebhookProperties.Subscription subscription, Outgoing outgoing)
            throws InterruptedException {
        return http.deliver("Webhook " + subscription.name(), outgoing.deliveryId(),
                () -> request(subscription, outgoing));
    }

    private HttpRequest request(WebhookProperties.Subscription subscription, Outgoing outgoing) {
        // A fresh timestamp per attempt, so a receiver's replay window also accepts a late retry.
        String timestamp = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        return HttpRequest.newBuilder(URI.create(subscription.url()))
                .timeout(http.readTimeout())
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
