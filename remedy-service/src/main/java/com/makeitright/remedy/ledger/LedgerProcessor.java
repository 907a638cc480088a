package com.makeitright.remedy.ledger;

import com.makeitright.events.ComplaintResolved;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Books each resolution of {@code complaints.resolved} (one partition per task) into the ledger's bounded
 * stores: its day total, the newest-entries view (trimmed to a fixed count) and the window of lately booked
 * complaint rounds (so a replayed resolution is not booked twice). A record that cannot be read or booked throws
 * and takes the platform's path: bounded retries, then the dead-letter topic; the partition keeps moving. A
 * wall-clock punctuator drops day totals past the retention, in bounded batches; it never throws.
 */
final class LedgerProcessor implements Processor<String, ComplaintResolved, Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(LedgerProcessor.class);

    private final LedgerProperties properties;
    private final Clock clock;
    private final Counter punctuationFailures;

    private KeyValueStore<String, DayTotal> days;
    private KeyValueStore<String, Ledger.Entry> recent;
    private WindowStore<String, String> seen;
    /** Entries in this partition's recent view; re-counted from the store whenever the task (re)starts. */
    private int recentCount;

    LedgerProcessor(LedgerProperties properties, Clock clock, Counter punctuationFailures) {
        this.properties = properties;
        this.clock = clock;
        this.punctuationFailures = punctuationFailures;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        days = context.getStateStore(LedgerStores.DAYS);
        recent = context.getStateStore(LedgerStores.RECENT);
        seen = context.getStateStore(LedgerStores.SEEN);
        recentCount = 0;
        try (KeyValueIterator<String, Ledger.Entry> all = recent.all()) {
            while (all.hasNext()) {
                all.next();
                recentCount++;
            }
        }
        context.schedule(properties.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, ignored -> purgeSafely());
    }

    @Override
    public void process(Record<String, ComplaintResolved> record) {
        Ledger.Entry entry = Ledger.Entry.of(record.value(), properties.timeZone());
        if (entry == null) {
            return; // nothing was delivered, nothing was spent
        }
        String seenKey = LedgerStores.seenKey(entry.complaintId(), entry.round());
        long at = entry.resolvedAt().toEpochMilli();
        long horizon = properties.duplicateHorizon().toMillis();
        try (WindowStoreIterator<String> booked = seen.fetch(seenKey, at - horizon, at + horizon)) {
            if (booked.hasNext()) {
                log.info("Resolution {} of {} round {} is booked already (event {}); not booking it twice",
                        record.value().getEventId(), entry.complaintId(), entry.round(), booked.next().value);
                return;
            }
        }
        seen.put(seenKey, record.value().getEventId(), at);
        String dayKey = DayTotal.key(entry);
        days.put(dayKey, DayTotal.book(days.get(dayKey), entry));
        remember(entry);
    }

    private void remember(Ledger.Entry entry) {
        if (properties.recentEntries() == 0) {
            return;
        }
        String key = LedgerStores.recentKey(entry);
        if (recent.putIfAbsent(key, entry) == null) {
            recentCount++;
        }
        if (recentCount > properties.recentEntries()) {
            List<String> oldest = new ArrayList<>();
            try (KeyValueIterator<String, Ledger.Entry> it = recent.all()) {
                while (it.hasNext() && oldest.size() < recentCount - properties.recentEntries()) {
                    oldest.add(it.next().key);
                }
            }
            oldest.forEach(recent::delete);
            recentCount -= oldest.size();
        }
    }

    /** A failing purge is logged, counted and tried again at the next punctuation; it never fails the task. */
    private void purgeSafely() {
        try {
            int dropped = purge();
            if (dropped > 0) {
                log.info("Dropped {} ledger day totals past the retention of {}", dropped, properties.retention());
            }
        } catch (RuntimeException e) {
            punctuationFailures.increment();
            log.warn("Purging the ledger's old day totals failed; trying again in {}", properties.purgeInterval(), e);
        }
    }

    /** Drops day totals dated before the retention horizon, at most {@code purgeBatch} per call. */
    int purge() {
        LocalDate cutoff = firstRetainedDay(clock, properties.timeZone(), properties.retention());
        List<String> old = new ArrayList<>();
        // a bare date sorts before every key of that date, so the range ends with the day before the cutoff
        try (KeyValueIterator<String, DayTotal> it = days.range(null, cutoff.toString())) {
            while (it.hasNext() && old.size() < properties.purgeBatch()) {
                old.add(it.next().key);
            }
        }
        old.forEach(days::delete);
        return old.size();
    }

    static LocalDate firstRetainedDay(Clock clock, ZoneId zone, Duration retention) {
        return clock.instant().atZone(zone).toLocalDate().minusDays(retention.toDays());
    }
}
