package com.makeitright.platform;

import com.makeitright.contract.TopicLayout;
import com.makeitright.contract.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.springframework.kafka.streams.KafkaStreamsDeadLetterDestinationResolver;

/**
 * Where a record goes when it cannot be read or processed: the dead-letter topic of the contract topic it
 * came from ({@code <topic>.DLT}), keeping its partition; a record of a service's internal topic goes to
 * that service's own dead-letter topic. Both dead-letter handlers ask here once per record they dead-letter, so
 * this is where {@code makeitright.dead-lettered} counts them, tagged with the topic the record came from.
 */
public final class DeadLetters implements KafkaStreamsDeadLetterDestinationResolver {

    static final String METRIC = "makeitright.dead-lettered";

    private final String applicationId;
    private final MeterRegistry meters;

    /** Counts into a registry of its own (tests that do not look at the count). */
    public DeadLetters(String applicationId) {
        this(applicationId, new SimpleMeterRegistry());
    }

    public DeadLetters(String applicationId, MeterRegistry meters) {
        this.applicationId = applicationId;
        this.meters = meters;
    }

    @Override
    public TopicPartition resolve(ErrorHandlerContext context, org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record,
                                  Exception exception) {
        TopicPartition destination = Topics.byName(context.topic())
                .map(topic -> new TopicPartition(topic.deadLetterTopic(), context.partition()))
                .orElseGet(() -> new TopicPartition(TopicLayout.serviceDeadLetterTopic(applicationId), -1));
        // Under exactly-once an aborted transaction may ask again for the same record: an upper bound, which is
        // what an alert on "anything dead-lettered" needs.
        meters.counter(METRIC, "topic", String.valueOf(context.topic()), "dead_letter_topic", destination.topic())
                .increment();
        return destination;
    }

    /**
     * Where an output record that could not be written goes: the dead-letter topic of the contract topic it was
     * headed to (same partition when it had one), else (a changelog, a repartition topic) the service's own.
     */
    public TopicPartition forOutput(String topic, Integer partition) {
        return Topics.byName(topic)
                .map(contract -> new TopicPartition(contract.deadLetterTopic(), partition == null ? -1 : partition))
                .orElseGet(() -> new TopicPartition(TopicLayout.serviceDeadLetterTopic(applicationId), -1));
    }

    static boolean isDeadLetterTopic(String topic) {
        return topic != null && topic.endsWith(com.makeitright.contract.Topic.DEAD_LETTER_SUFFIX);
    }
}
