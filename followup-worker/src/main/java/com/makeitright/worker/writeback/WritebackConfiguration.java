package com.makeitright.worker.writeback;

import com.makeitright.contract.Topics;
import com.makeitright.platform.JsonSerde;
import com.makeitright.platform.PlatformProperties;
import com.makeitright.worker.WorkerProperties;
import com.makeitright.worker.notify.WorkerStores;
import com.makeitright.worker.outbound.DeliveryConsumer;
import com.makeitright.worker.outbound.DeliveryThreads;
import com.makeitright.worker.outbound.HttpDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Write-back to helpdesks, when at least one is configured: the deciding processor on the worker's stream (its two
 * stores, its output topic) and one writer thread per enabled helpdesk with its dead-letter topic. With none
 * configured the worker's topology and threads are as without this feature.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WritebackProperties.class)
class WritebackConfiguration {

    /** Long enough for a writer stopped over a weekend to catch up; the notes are the events' text, nothing more. */
    static final Duration NOTES_RETENTION = Duration.ofDays(7);

    static final Serde<HelpdeskNote> NOTE_SERDE = JsonSerde.of(HelpdeskNote.class);

    @Bean
    KafkaAdmin.NewTopics writebackTopics(WritebackProperties properties, PlatformProperties platform) {
        List<NewTopic> topics = new ArrayList<>();
        if (!properties.enabled().isEmpty()) {
            topics.add(new NewTopic(Topics.HELPDESK_NOTES, platform.topics().partitions(),
                    platform.topics().replicationFactor())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(NOTES_RETENTION.toMillis()))));
        }
        properties.enabled().forEach(api -> topics.add(new NewTopic(HelpdeskWriter.deadLetterTopic(api.system()),
                platform.topics().partitions(), platform.topics().replicationFactor())));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** What the write-back added to the worker's topology: the helpdesks it decides notes for (none: nothing). */
    record WritebackWiring(Set<String> helpdesks) {
    }

    /** The worker's merged stream (notify's {@code workerStreams}) feeds the deciding processor too. */
    @Bean
    WritebackWiring writebackStream(@Qualifier("workerStreams") KStream<String, SpecificRecord> events,
                           org.apache.kafka.streams.StreamsBuilder builder, WritebackProperties properties,
                           WorkerProperties worker, Clock clock) {
        Set<String> systems = properties.enabled().stream().map(HelpdeskApi::system).collect(Collectors.toSet());
        if (systems.isEmpty()) {
            return new WritebackWiring(systems);
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WritebackProcessor.TICKETS),
                Serdes.String(), JsonSerde.of(HelpdeskTicket.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WritebackProcessor.PENDING),
                Serdes.String(), NOTE_SERDE));
        NoteTexts texts = new NoteTexts();
        events.process(() -> new WritebackProcessor(systems, worker.acknowledgement(), texts, worker.retention(), clock),
                        Named.as("helpdesk-writeback"), WritebackProcessor.TICKETS, WritebackProcessor.PENDING,
                        WorkerStores.CONTACTS)
                .to(Topics.HELPDESK_NOTES, Produced.with(Serdes.String(), NOTE_SERDE));
        return new WritebackWiring(systems);
    }

    /** One thread per enabled helpdesk, no more. */
    @Bean
    DeliveryThreads helpdeskWriters(WritebackProperties properties, KafkaProperties kafka, Clock clock,
                                    MeterRegistry meters) {
        HttpDelivery http = new HttpDelivery(HttpDelivery.client(properties.delivery()), properties.delivery(), clock,
                duration -> Thread.sleep(duration.toMillis()));
        Map<String, Object> config = kafka.buildAdminProperties();
        List<Function<KafkaProducer<String, byte[]>, DeliveryConsumer>> writers = properties.enabled().stream()
                .<Function<KafkaProducer<String, byte[]>, DeliveryConsumer>>map(api -> deadLetters -> {
                    HelpdeskWriter writer = new HelpdeskWriter(api, http, NOTE_SERDE.deserializer(), meters);
                    return new DeliveryConsumer(writer.destination(properties.delivery().worstCase()), config,
                            deadLetters, writer);
                }).toList();
        return new DeliveryThreads(config, "followup-worker-writeback-dlt", writers);
    }
}
