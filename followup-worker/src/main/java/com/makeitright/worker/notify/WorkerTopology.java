package com.makeitright.worker.notify;

import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import com.makeitright.platform.privacy.CustomerDataKeys;
import com.makeitright.platform.privacy.PersonalData;
import com.makeitright.events.CustomerNotified;
import com.makeitright.platform.JsonSerde;
import com.makeitright.platform.links.LinkTokens;
import com.makeitright.worker.WorkerProperties;
import com.makeitright.worker.mail.MailDelivery;
import com.makeitright.worker.mail.MailTemplates;
import com.makeitright.worker.sms.LoggingSmsSender;
import com.makeitright.worker.sms.SmsSender;
import com.makeitright.worker.sms.SmsTexts;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The worker's Kafka Streams topology (exactly-once, set by the platform): the events that carry the contact or owe
 * a mail, co-partitioned by complaint id, into one {@link NotificationProcessor} per partition with its three stores.
 * Its output is mail; its record of each send or refusal is the sent-log and, for the rest of the system, one
 * {@code CustomerNotified} on {@code complaints.customer-notified} (its only topic).
 */
@Configuration(proxyBeanMethods = false)
class WorkerTopology {

    private static final Logger log = LoggerFactory.getLogger(WorkerTopology.class);

    @Bean
    KStream<String, SpecificRecord> workerStreams(StreamsBuilder builder, WorkerProperties properties,
                                                  MailTemplates templates, MailDelivery delivery, Clock clock,
                                                  MeterRegistry meters, PersonalData personalData,
                                                  SmsTexts smsTexts, ObjectProvider<SmsSender> smsSenders) {
        CustomerDataKeys.addTo(builder);
        ContactPreferences.addTo(builder);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WorkerStores.SENT_LOG),
                Serdes.String(), JsonSerde.of(SentEntry.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WorkerStores.CONTACTS),
                Serdes.String(), JsonSerde.of(ContactCard.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WorkerStores.PENDING),
                Serdes.String(), JsonSerde.of(Notice.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WorkerStores.OPEN_OFFERS),
                Serdes.String(), JsonSerde.of(OpenOffer.class)));

        KStream<String, SpecificRecord> events = source(builder, Topics.COMPLAINTS_RECEIVED)
                .merge(source(builder, Topics.COMPLAINTS_ACKNOWLEDGED))
                .merge(source(builder, Topics.ACKNOWLEDGEMENT_APPROVALS))
                .merge(source(builder, Topics.REMEDY_OFFERED))
                .merge(source(builder, Topics.FOLLOW_UP_DUE));

        Notices notices = new Notices(properties.acknowledgement(), LinkTokens.fromSecret(properties.links().key()),
                properties.links().baseUrl(), properties.links().satisfactionValidity(), properties.inbox());
        WorkerProperties.Retention kept = properties.retention();
        NotificationProcessor.Retention retention = new NotificationProcessor.Retention(kept.sentLog(), kept.contacts(),
                kept.purgeInterval(), kept.purgeBatch());
        // the place to plug an SMS provider: a bean of the type (SmsSender); none, the logging one
        SmsSender smsSender = smsSenders.getIfUnique(LoggingSmsSender::new);
        if (properties.sms().enabled() && smsSender instanceof LoggingSmsSender) {
            log.warn("SMS is on (WORKER_SMS_ENABLED) with the logging sender: reminders by SMS are only logged, "
                    + "nothing reaches the customer; plug a provider (docs/follow-up-worker.md)");
        }
        NotificationProcessor.Texting texting = new NotificationProcessor.Texting(smsSender, smsTexts,
                properties.sms().enabled());
        events.process(() -> new NotificationProcessor(notices, templates, delivery, clock, meters, retention,
                        properties.delivery().sendsPerCommit(), personalData, properties.inbox().address(), texting),
                Named.as("customer-mail"), WorkerStores.SENT_LOG, WorkerStores.CONTACTS, WorkerStores.PENDING,
                        WorkerStores.OPEN_OFFERS)
                .mapValues(WorkerTopology::notified)
                .to(Topics.CUSTOMER_NOTIFIED.name(),
                        Produced.with(Serdes.String(), Topics.CUSTOMER_NOTIFIED.serde()));
        return events;
    }

    private static <T extends SpecificRecord> KStream<String, SpecificRecord> source(StreamsBuilder builder,
                                                                                     Topic<T> topic) {
        return builder.stream(topic.name(), Consumed.with(Serdes.String(), topic.serde()))
                .mapValues(WorkerTopology::upcast);
    }

    private static SpecificRecord upcast(SpecificRecord event) {
        return event;
    }

    /** The processor forwards nothing but {@code CustomerNotified}. */
    private static CustomerNotified notified(SpecificRecord event) {
        return (CustomerNotified) event;
    }
}
