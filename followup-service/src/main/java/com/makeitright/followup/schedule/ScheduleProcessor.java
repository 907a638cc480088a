package com.makeitright.followup.schedule;

import com.makeitright.events.FollowUpDue;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves bytes between Kafka and the {@link FollowUpPlanner}: applies its plan for each input event to the
 * stores, and on a wall-clock punctuation publishes every check that came due. A due check is published,
 * marked fired and removed from the index in the same task, hence in the same exactly-once transaction: it
 * fires once, also when the service crashes or restarts in between.
 */
final class ScheduleProcessor implements Processor<String, SpecificRecord, String, FollowUpDue> {

    private final FollowUpPlanner planner;
    private final Clock clock;
    private final Duration scanInterval;
    private final int maxDuePerScan;

    private ProcessorContext<String, FollowUpDue> context;
    private KeyValueStore<String, ComplaintFile> complaints;
    private KeyValueStore<String, FollowUp> followUps;
    private KeyValueStore<String, String> dueIndex;

    ScheduleProcessor(FollowUpPlanner planner, Clock clock, Duration scanInterval, int maxDuePerScan) {
        this.planner = planner;
        this.clock = clock;
        this.scanInterval = scanInterval;
        this.maxDuePerScan = maxDuePerScan;
    }

    @Override
    public void init(ProcessorContext<String, FollowUpDue> context) {
        this.context = context;
        this.complaints = context.getStateStore(ScheduleStores.COMPLAINTS);
        this.followUps = context.getStateStore(ScheduleStores.FOLLOW_UPS);
        this.dueIndex = context.getStateStore(ScheduleStores.DUE_INDEX);
        context.schedule(scanInterval, PunctuationType.WALL_CLOCK_TIME, ignored -> fireDue());
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        String complaintId = record.key();
        if (complaintId == null) {
            throw new IllegalArgumentException("record without a key: every contract event is keyed by complaint id");
        }
        ComplaintFile current = complaints.get(complaintId);
        FollowUpPlanner.Plan plan = planner.plan(current, complaintId, record.value());
        if (!plan.file().equals(current)) {
            complaints.put(complaintId, plan.file());
        }
        for (FollowUpChange change : plan.changes()) {
            String key = change.key().asString();
            FollowUp before = followUps.get(key);
            change.applyTo(before).ifPresent(after -> store(key, before, after));
        }
    }

    /** Publishes the checks due by now, oldest first, at most {@code maxDuePerScan} per scan. */
    void fireDue() {
        Instant now = clock.instant();
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = dueIndex.range(
                ScheduleStores.dueIndexPrefix(0), ScheduleStores.dueIndexPrefix(now.toEpochMilli() + 1))) {
            while (entries.hasNext() && due.size() < maxDuePerScan) {
                due.add(entries.next());
            }
        }
        for (KeyValue<String, String> entry : due) {
            dueIndex.delete(entry.key);
            FollowUp followUp = followUps.get(entry.value);
            if (followUp == null || followUp.state() != FollowUpState.SCHEDULED) {
                continue; // cannot happen while index and entries change together; never fire a closed check
            }
            FollowUp fired = followUp.fired(now, FollowUpMessages.dueEventId(followUp));
            followUps.put(entry.value, fired);
            FollowUpDue event = FollowUpMessages.due(followUp, complaints.get(followUp.complaintId()), now);
            context.forward(new Record<>(followUp.complaintId(), event, now.toEpochMilli()));
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
