package com.makeitright.remedy.ledger;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintResolved;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The ledger is built from {@code complaints.resolved} (remedy's own output, read back committed) by an ordinary
 * stream task per partition into local, changelogged stores of bounded size: day totals, the newest entries and
 * a window of lately booked rounds. Not a global store: a record that cannot be read or booked takes the
 * platform's dead-letter path like any other, and the ledger keeps counting. Queries read this instance's
 * partitions; day totals are sums, so several instances' answers add up (a fan-out is the Scale-out issue's).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerTopology {

    @Bean
    KStream<String, ComplaintResolved> ledgerStream(StreamsBuilder builder, LedgerProperties properties, Clock clock,
                                                    MeterRegistry meters) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LedgerStores.DAYS),
                Serdes.String(), LedgerJson.serde(DayTotal.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LedgerStores.RECENT),
                Serdes.String(), LedgerJson.serde(Ledger.Entry.class)));
        // one-millisecond windows at the resolution's time; segments past the horizon are dropped by Streams itself
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(LedgerStores.SEEN,
                properties.duplicateHorizon(), Duration.ofMillis(1), false), Serdes.String(), Serdes.String()));

        Counter punctuationFailures = Counter.builder("makeitright.punctuation.failures")
                .description("Punctuations that failed, were logged and skipped")
                .tag("processor", "remedy-ledger").register(meters);
        KStream<String, ComplaintResolved> resolved = builder.stream(Topics.COMPLAINTS_RESOLVED.name(),
                Consumed.with(Serdes.String(), Topics.COMPLAINTS_RESOLVED.serde()));
        resolved.process(() -> new LedgerProcessor(properties, clock, punctuationFailures), Named.as("remedy-ledger"),
                LedgerStores.DAYS, LedgerStores.RECENT, LedgerStores.SEEN);
        return resolved;
    }

    @Bean
    LedgerSource ledgerSource(StreamsBuilderFactoryBean streams, LedgerProperties properties) {
        return new LedgerSource() {
            @Override
            public List<DayTotal> days(LocalDate from, LocalDate to) {
                return LedgerTopology.<DayTotal, List<DayTotal>>read(streams, LedgerStores.DAYS, store -> {
                    String lower = from == null ? null : from.toString();
                    // a bare date sorts before every key of that date: the day after 'to' closes the range
                    String upper = to == null ? null : to.plusDays(1).toString();
                    return values(store.range(lower, upper));
                });
            }

            @Override
            public List<Ledger.Entry> entries(LocalDate from, LocalDate to) {
                ZoneId zone = properties.timeZone();
                String lower = from == null ? LedgerStores.timePrefix(0)
                        : LedgerStores.timePrefix(from.atStartOfDay(zone).toInstant());
                String upper = to == null ? LedgerStores.timePrefix(Long.MAX_VALUE)
                        : LedgerStores.timePrefix(to.plusDays(1).atStartOfDay(zone).toInstant());
                return LedgerTopology.<Ledger.Entry, List<Ledger.Entry>>read(streams, LedgerStores.RECENT,
                        store -> values(store.range(lower, upper)));
            }
        };
    }

    private static <V, T> T read(StreamsBuilderFactoryBean streams, String name,
                                 Function<ReadOnlyKeyValueStore<String, V>, T> query) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw new LedgerSource.LedgerUnavailableException("the stream application has not started", null);
        }
        try {
            return query.apply(kafkaStreams.store(
                    StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            throw new LedgerSource.LedgerUnavailableException("the ledger is not ready (stream state "
                    + kafkaStreams.state() + ")", e);
        }
    }

    private static <V> List<V> values(KeyValueIterator<String, V> iterator) {
        List<V> values = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }
}
