package com.makeitright.followup.schedule;

import com.makeitright.events.FollowUpDue;
import com.makeitright.platform.PunctuatedEntries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves bytes between Kafka and the {@link FollowUpPlanner}: applies its plan for each input event to the
 * stores, and on a wall-clock punctuation publishes every check that came due. A due check is published,
 * marked fired and removed from the index in the same task, hence in the same exactly-once transaction: it
 * fires once, also when the service crashes or restarts in between.
 * <p>
 * Every complaint has one entry in a purge index, moved on each of its events: {@code grace} after the case
 * closed (latest round resolved, no check open), else {@code maxIdle} after its last event. A second punctuator
 * purges what came due, in bounded batches: the file, every check and their index entries. Both punctuators
 * handle each entry on its own: a failing entry is logged, counted and skipped, never retried forever.
 */
final class ScheduleProcessor implements Processor<String, SpecificRecord, String, FollowUpDue> {

    private static final Logger log = LoggerFactory.getLogger(ScheduleProcessor.class);
    private static final StringSerializer KEYS = new StringSerializer();

    private final FollowUpPlanner planner;
    private final Clock clock;
    private final Duration scanInterval;
    private final int maxDuePerScan;
    private final Retention retention;
    private final PunctuatedEntries entries = new PunctuatedEntries("follow-up-schedule");
    private final Counter stale = Metrics.counter("makeitright.followup.stale-events");
    private final Counter purged = Metrics.counter("makeitright.followup.purged-complaints");

    private ProcessorContext<String, FollowUpDue> context;
    private KeyValueStore<String, ComplaintFile> complaints;
    private KeyValueStore<String, FollowUp> followUps;
    private KeyValueStore<String, String> dueIndex;
    private KeyValueStore<String, String> purgeIndex;

    /** When a complaint's entries go: {@code grace} after it closed, {@code maxIdle} after its last event. */
    record Retention(Duration grace, Duration maxIdle, Duration purgeInterval, int purgeBatch) {
    }

    ScheduleProcessor(FollowUpPlanner planner, Clock clock, Duration scanInterval, int maxDuePerScan,
                      Retention retention) {
        this.planner = planner;
        this.clock = clock;
        this.scanInterval = scanInterval;
        this.maxDuePerScan = maxDuePerScan;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, FollowUpDue> context) {
        this.context = context;
        this.complaints = context.getStateStore(ScheduleStores.COMPLAINTS);
        this.followUps = context.getStateStore(ScheduleStores.FOLLOW_UPS);
        this.dueIndex = context.getStateStore(ScheduleStores.DUE_INDEX);
        this.purgeIndex = context.getStateStore(ScheduleStores.PURGE_INDEX);
        context.schedule(scanInterval, PunctuationType.WALL_CLOCK_TIME, ignored -> fireDue());
        context.schedule(retention.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, ignored -> purgeDue());
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        String complaintId = record.key();
        if (complaintId == null) {
            throw new IllegalArgumentException("record without a key: every contract event is keyed by complaint id");
        }
        Instant now = clock.instant();
        ComplaintFile current = complaints.get(complaintId);
        if (current == null && isStale(record.value(), now)) {
            // Older than the grace for a complaint we do not know: a late copy of a case purged after it closed.
            stale.increment();
            log.info("Ignoring {} of complaint {}: older than the purge grace of {} and the case is no longer kept",
                    record.value().getClass().getSimpleName(), complaintId, retention.grace());
            return;
        }
        FollowUpPlanner.Plan plan = planner.plan(current, complaintId, record.value());
        apply(plan.changes());
        ComplaintFile file = plan.file().withPurgeAt(purgeAt(plan.file(), now));
        if (!file.equals(current)) {
            complaints.put(complaintId, file);
        }
        movePurge(complaintId, current == null ? null : current.purgeAt(), file.purgeAt());
    }

    /**
     * Rounded up to the hour, so that a busy complaint's events rarely move its index entry; a purge comes at
     * most an hour late.
     */
    private Instant purgeAt(ComplaintFile file, Instant now) {
        Duration keep = file.latestRoundResolved() && !hasOpenCheck(file.complaintId()) ? retention.grace() : retention.maxIdle();
        return now.plus(keep).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    }

    private boolean hasOpenCheck(String complaintId) {
        try (KeyValueIterator<String, FollowUp> checks = followUps.prefixScan(ScheduleStores.checksOf(complaintId), KEYS)) {
            while (checks.hasNext()) {
                if (checks.next().value.isOpen()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void movePurge(String complaintId, Instant before, Instant after) {
        if (before != null && before.equals(after)) {
            return;
        }
        if (before != null) {
            purgeIndex.delete(ScheduleStores.purgeIndexKey(before, complaintId));
        }
        purgeIndex.put(ScheduleStores.purgeIndexKey(after, complaintId), complaintId);
    }

    private boolean isStale(SpecificRecord event, Instant now) {
        Schema.Field field = event.getSchema().getField("occurredAt");
        return field != null && event.get(field.pos()) instanceof Instant occurredAt
                && occurredAt.isBefore(now.minus(retention.grace()));
    }

    /** Publishes the checks due by now, oldest first, at most {@code maxDuePerScan} per scan. */
    void fireDue() {
        Instant now = clock.instant();
        // Each entry leaves the due index first, so one that fails is skipped, not fired again on every scan.
        entries.forEach(upTo(dueIndex, now, maxDuePerScan), entry -> "check " + entry.value, entry -> {
            dueIndex.delete(entry.key);
            FollowUp followUp = followUps.get(entry.value);
            if (followUp == null || followUp.state() != FollowUpState.SCHEDULED) {
                return; // cannot happen while index and entries change together; never fire a closed check
            }
            ComplaintFile file = complaints.get(followUp.complaintId());
            FollowUpDue event = FollowUpMessages.due(followUp, file, now);
            FollowUp fired = followUp.fired(now, FollowUpMessages.dueEventId(followUp));
            followUps.put(entry.value, fired);
            List<FollowUpChange> changes = planner.afterFiring(fired);
            apply(changes);
            if (!changes.isEmpty() && file != null) { // a check closed: the case may now be closed, so purged sooner
                ComplaintFile moved = file.withPurgeAt(purgeAt(file, now));
                complaints.put(moved.complaintId(), moved);
                movePurge(moved.complaintId(), file.purgeAt(), moved.purgeAt());
            }
            context.forward(new Record<>(followUp.complaintId(), event, now.toEpochMilli()));
        });
    }

    /** Purges the complaints whose time came, at most {@code purgeBatch} per run. */
    void purgeDue() {
        Instant now = clock.instant();
        entries.forEach(upTo(purgeIndex, now, retention.purgeBatch()), entry -> "the purge of complaint " + entry.value,
                entry -> {
                    purgeIndex.delete(entry.key);
                    ComplaintFile file = complaints.get(entry.value);
                    if (file != null && file.purgeAt() != null
                            && !ScheduleStores.purgeIndexKey(file.purgeAt(), entry.value).equals(entry.key)) {
                        return; // stale index entry: the complaint moved on since
                    }
                    purge(entry.value);
                });
    }

    private void purge(String complaintId) {
        List<KeyValue<String, FollowUp>> checks = new ArrayList<>();
        try (KeyValueIterator<String, FollowUp> it = followUps.prefixScan(ScheduleStores.checksOf(complaintId), KEYS)) {
            it.forEachRemaining(checks::add);
        }
        for (KeyValue<String, FollowUp> check : checks) {
            if (check.value.state() == FollowUpState.SCHEDULED && check.value.dueAt() != null) {
                dueIndex.delete(ScheduleStores.dueIndexKey(check.value.dueAt(), check.key));
            }
            followUps.delete(check.key);
        }
        complaints.delete(complaintId);
        purged.increment();
    }

    private static List<KeyValue<String, String>> upTo(KeyValueStore<String, String> index, Instant now, int max) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = index.range(
                ScheduleStores.dueIndexPrefix(0), ScheduleStores.dueIndexPrefix(now.toEpochMilli() + 1))) {
            while (entries.hasNext() && due.size() < max) {
                due.add(entries.next());
            }
        }
        return due;
    }

    private void apply(List<FollowUpChange> changes) {
        for (FollowUpChange change : changes) {
            String key = change.key().asString();
            FollowUp before = followUps.get(key);
            change.applyTo(before).ifPresent(after -> store(key, before, after));
        }
    }

    private void store(String key, FollowUp before, FollowUp after) {
        boolean wasScheduled = before != null && before.state() == FollowUpState.SCHEDULED;
        boolean isScheduled = after.state() == FollowUpState.SCHEDULED;
        if (wasScheduled && !isScheduled) {
            dueIndex.delete(ScheduleStores.dueIndexKey(before.dueAt(), key));
        }
        followUps.put(key, after);
        if (isScheduled && !wasScheduled) {
            dueIndex.put(ScheduleStores.dueIndexKey(after.dueAt(), key), key);
        }
    }
}
