package com.makeitright.worker.webhooks;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;

import java.util.List;
import java.util.Optional;

/** The contract topics a subscription may ask for, by their event name (e.g. {@code RemedyOffered}). */
final class WebhookTopics {

    static final List<Topic<?>> OFFERED = List.of(Topics.COMPLAINTS_ACKNOWLEDGED, Topics.REMEDY_OFFERED,
            Topics.COMPLAINTS_RESOLVED, Topics.FOLLOW_UP_DUE);

    private WebhookTopics() {
    }

    static Optional<Topic<?>> byEventName(String eventName) {
        return OFFERED.stream().filter(topic -> topic.eventName().equals(eventName)).findFirst();
    }

    static List<String> eventNames() {
        return OFFERED.stream().map(Topic::eventName).toList();
    }

    /** The dead-letter topic of one subscription. */
    static String deadLetterTopic(String subscription) {
        return "followup-worker.webhook." + subscription + ".DLT";
    }

    /** The consumer group of one subscription: its own progress. */
    static String consumerGroup(String subscription) {
        return "followup-worker.webhook." + subscription;
    }
}
