package com.makeitright.remedy.ledger;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.platform.instances.HeldPartitions;
import com.makeitright.platform.instances.InstancesConfiguration;
import com.makeitright.platform.instances.StoreReads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The ledger is built from {@code complaints.resolved} (remedy's own output, read back committed) by an ordinary
 * stream task per partition into local, changelogged stores of bounded size: day totals, the newest entries and
 * a window of lately booked rounds. Not a global store: a record that cannot be read or booked takes the
 * platform's dead-letter path like any other, and the ledger keeps counting. Each instance reads the partitions it
 * holds ({@link LedgerPart}); the instance asked adds up every instance's part ({@link LedgerController}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
@Import(InstancesConfiguration.class)
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
    LedgerSource ledgerSource(StoreReads stores, LedgerProperties properties) {
        return (from, to) -> {
            // a bare date sorts before every key of that date: the day after 'to' closes the range
            String lowerDay = from == null ? null : from.toString();
            String upperDay = to == null ? null : to.plusDays(1).toString();
            StoreReads.Values<DayTotal> days = stores.values(LedgerStores.DAYS,
                    store -> store.range(lowerDay, upperDay));
            ZoneId zone = properties.timeZone();
            String lower = from == null ? LedgerStores.timePrefix(0)
                    : LedgerStores.timePrefix(from.atStartOfDay(zone).toInstant());
            String upper = to == null ? LedgerStores.timePrefix(Long.MAX_VALUE)
                    : LedgerStores.timePrefix(to.plusDays(1).atStartOfDay(zone).toInstant());
            StoreReads.Values<Ledger.Entry> entries = stores.values(LedgerStores.RECENT,
                    store -> store.range(lower, upper));
            return new LedgerPart(HeldPartitions.of(days, entries), days.values(), entries.values());
        };
    }
}
