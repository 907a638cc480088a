package com.makeitright.remedy.ledger;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintResolved;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import java.util.ArrayList;
import java.util.List;

/**
 * The ledger is built from {@code complaints.resolved} (remedy's own output, read back committed) into a global
 * store: every instance holds the whole ledger and restores it from the topic itself, so it survives restarts and
 * any instance can answer a query.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerTopology {

    static final String LEDGER = "remedy-ledger";

    @Bean
    Object ledgerStore(StreamsBuilder builder) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER), Serdes.String(),
                        Topics.COMPLAINTS_RESOLVED.serde()).withLoggingDisabled(),
                Topics.COMPLAINTS_RESOLVED.name(),
                Consumed.with(Serdes.String(), Topics.COMPLAINTS_RESOLVED.serde()),
                () -> new Processor<String, ComplaintResolved, Void, Void>() {
                    private KeyValueStore<String, ComplaintResolved> store;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        store = context.getStateStore(LEDGER);
                    }

                    @Override
                    public void process(Record<String, ComplaintResolved> record) {
                        ComplaintResolved resolved = record.value();
                        // one entry per complaint round: a redelivered resolution overwrites itself
                        store.put(resolved.getComplaintId() + "#" + resolved.getRound(), resolved);
                    }
                });
        return LEDGER;
    }

    @Bean
    LedgerSource ledgerSource(StreamsBuilderFactoryBean streams) {
        return () -> {
            KafkaStreams kafkaStreams = streams.getKafkaStreams();
            if (kafkaStreams == null) {
                throw new LedgerSource.LedgerUnavailableException("the stream application has not started", null);
            }
            try {
                ReadOnlyKeyValueStore<String, ComplaintResolved> store = kafkaStreams.store(
                        StoreQueryParameters.fromNameAndType(LEDGER, QueryableStoreTypes.keyValueStore()));
                List<ComplaintResolved> all = new ArrayList<>();
                try (KeyValueIterator<String, ComplaintResolved> it = store.all()) {
                    it.forEachRemaining(kv -> all.add(kv.value));
                }
                return all;
            } catch (InvalidStateStoreException e) {
                throw new LedgerSource.LedgerUnavailableException("the ledger is not ready (stream state "
                        + kafkaStreams.state() + ")", e);
            }
        };
    }
}
