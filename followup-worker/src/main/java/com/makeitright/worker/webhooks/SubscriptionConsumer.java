package com.makeitright.worker.webhooks;

import com.makeitright.contract.EventDeserializer;
import com.makeitright.contract.EventJson;
import com.makeitright.contract.Topic;
import com.makeitright.worker.outbound.DeliveryConsumer;
import com.makeitright.worker.outbound.HttpDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * What one subscription does with a record of its topics (read by a {@link DeliveryConsumer} in its own consumer
 * group): the event as JSON, POSTed signed with a delivery id stable across retries and restarts.
 */
class SubscriptionConsumer implements DeliveryConsumer.Handler {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionConsumer.class);

    private final WebhookProperties.Subscription subscription;
    private final List<Topic<?>> topics;
    private final WebhookDelivery delivery;
    private final MeterRegistry meters;

    SubscriptionConsumer(WebhookProperties.Subscription subscription, WebhookDelivery delivery, MeterRegistry meters) {
        this.subscription = subscription;
        this.topics = subscription.events().stream().map(event -> WebhookTopics.byEventName(event).orElseThrow())
                .<Topic<?>>map(topic -> topic).toList();
        this.delivery = delivery;
        this.meters = meters;
    }

    /** Its destination: its own group, where a new subscription starts, its dead-letter topic. */
    DeliveryConsumer.Destination destination(Duration deliveryBound) {
        return new DeliveryConsumer.Destination("webhook-" + subscription.name(),
                WebhookTopics.consumerGroup(subscription.name()), topics.stream().map(Topic::name).toList(),
                // Where a new subscription starts (no committed offset yet): by default with what comes from now on.
                subscription.start().name().toLowerCase(), deliveryBound,
                WebhookTopics.deadLetterTopic(subscription.name()));
    }

    @Override
    public DeliveryConsumer.Result handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Topic<?> topic = topics.stream().filter(t -> t.name().equals(record.topic())).findFirst().orElseThrow();
        SpecificRecord event;
        try {
            event = new EventDeserializer<>(topic.eventType()).deserialize(record.topic(), record.value());
        } catch (RuntimeException e) { // the contract's own DLT has it too; here it must not stop the subscription
            count("undecodable");
            return DeliveryConsumer.Result.deadLetter("undecodable: " + e.getMessage(), 0, 0, "");
        }
        if (event == null) { // a tombstone carries no event
            return DeliveryConsumer.Result.done();
        }
        String deliveryId = subscription.name() + ":" + event.get(event.getSchema().getField("eventId").pos());
        byte[] body = EventJson.toJson(event).getBytes(StandardCharsets.UTF_8);
        HttpDelivery.Outcome outcome = delivery.deliver(subscription,
                new WebhookDelivery.Outgoing(deliveryId, topic.eventName(), body));
        if (outcome.delivered()) {
            count("delivered");
            return DeliveryConsumer.Result.done();
        }
        count(outcome.permanent() ? "rejected" : "exhausted");
        log.warn("Webhook {}: delivery {} dead-lettered: {}", subscription.name(), deliveryId, outcome.reason());
        return DeliveryConsumer.Result.deadLetter(outcome.reason(), outcome.lastStatus(), outcome.attempts(),
                deliveryId);
    }

    private void count(String outcome) {
        meters.counter("makeitright.webhook.deliveries", "subscription", subscription.name(), "outcome", outcome)
                .increment();
    }
}
