package com.makeitright.platform;

import com.makeitright.contract.TopicLayout;
import com.makeitright.contract.Topics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.springframework.kafka.streams.KafkaStreamsDeadLetterDestinationResolver;

/**
 * Where a record goes when it cannot be read or processed: the dead-letter topic of the contract topic it
 * came from ({@code <topic>.DLT}), keeping its partition; a record of a service's internal topic goes to
 * that service's own dead-letter topic.
 */
public final class DeadLetters implements KafkaStreamsDeadLetterDestinationResolver {

    private final String applicationId;

    public DeadLetters(String applicationId) {
        this.applicationId = applicationId;
    }

    @Override
    public TopicPartition resolve(ErrorHandlerContext context, org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record,
                                  Exception exception) {
        return Topics.byName(context.topic())
                .map(topic -> new TopicPartition(topic.deadLetterTopic(), context.partition()))
                .orElseGet(() -> new TopicPartition(TopicLayout.serviceDeadLetterTopic(applicationId), -1));
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
