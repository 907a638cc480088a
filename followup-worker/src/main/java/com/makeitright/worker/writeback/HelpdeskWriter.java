package com.makeitright.worker.writeback;

import com.makeitright.contract.Topics;
import com.makeitright.worker.outbound.DeliveryConsumer;
import com.makeitright.worker.outbound.HttpDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * One helpdesk's writer: reads {@code followup-worker.helpdesk-notes} in its own consumer group (through a
 * {@link DeliveryConsumer}, so a slow helpdesk holds back only itself), posts each note meant for it with the shared
 * retries, and dead-letters one that failed for good to {@code followup-worker.writeback.<system>.DLT}.
 */
class HelpdeskWriter implements DeliveryConsumer.Handler {

    static final String NOTES = "makeitright.writeback.notes";
    private static final Logger log = LoggerFactory.getLogger(HelpdeskWriter.class);

    private final HelpdeskApi api;
    private final HttpDelivery http;
    private final Deserializer<HelpdeskNote> notes;
    private final MeterRegistry meters;

    HelpdeskWriter(HelpdeskApi api, HttpDelivery http, Deserializer<HelpdeskNote> notes, MeterRegistry meters) {
        this.api = api;
        this.http = http;
        this.notes = notes;
        this.meters = meters;
    }

    static String consumerGroup(String system) {
        return "followup-worker.writeback." + system;
    }

    static String deadLetterTopic(String system) {
        return "followup-worker.writeback." + system + ".DLT";
    }

    /** From the topic's beginning for a new group: the topic only ever holds notes for enabled helpdesks. */
    DeliveryConsumer.Destination destination(Duration deliveryBound) {
        return new DeliveryConsumer.Destination("writeback-" + api.system(), consumerGroup(api.system()),
                List.of(Topics.HELPDESK_NOTES), "earliest", deliveryBound, deadLetterTopic(api.system()));
    }

    @Override
    public DeliveryConsumer.Result handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        HelpdeskNote note;
        try {
            note = notes.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            count("undecodable");
            return DeliveryConsumer.Result.deadLetter("undecodable: " + e.getMessage(), 0, 0, "");
        }
        if (note == null || !api.system().equals(note.system())) {
            return DeliveryConsumer.Result.done(); // another helpdesk's note
        }
        if (!HelpdeskApi.TICKET_ID.matcher(note.ticketId()).matches()) { // it came from a webhook: never into a path
            count("rejected");
            return DeliveryConsumer.Result.deadLetter("unusable ticket id", 0, 0, note.deliveryId());
        }
        HttpDelivery.Outcome outcome = http.deliver("Helpdesk " + api.system(), note.deliveryId(),
                () -> api.request(note, http.readTimeout()));
        if (outcome.delivered()) {
            count("posted");
            return DeliveryConsumer.Result.done();
        }
        count(outcome.permanent() ? "rejected" : "exhausted");
        log.warn("Helpdesk {}: note {} on ticket {} dead-lettered: {}", api.system(), note.deliveryId(),
                note.ticketId(), outcome.reason());
        return DeliveryConsumer.Result.deadLetter(outcome.reason(), outcome.lastStatus(), outcome.attempts(),
                note.deliveryId());
    }

    private void count(String outcome) {
        meters.counter(NOTES, "helpdesk", api.system(), "outcome", outcome).increment();
    }
}
