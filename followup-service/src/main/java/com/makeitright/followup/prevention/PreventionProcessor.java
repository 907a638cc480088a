package com.makeitright.followup.prevention;

import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.PreventionActionProposed;
import com.makeitright.events.RootCause;
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
import java.util.Optional;

/**
 * Feeds resolved complaints, re-keyed by root cause (so one task sees every complaint of a cause), to the
 * {@link PreventionDetector}, remembers them for the effect measurement, and publishes proposed actions keyed
 * by the complaint that crossed the threshold.
 */
final class PreventionProcessor implements Processor<String, ComplaintResolved, String, PreventionActionProposed> {

    private final PreventionDetector detector;
    private final Duration history;
    private final Duration remembered;
    private final Clock clock;

    private ProcessorContext<String, PreventionActionProposed> context;
    private KeyValueStore<String, Occurrence> occurrences;
    private KeyValueStore<String, PreventionHistory> actions;

    /**
     * @param history    how long actions are kept with their counts
     * @param remembered how long single resolutions are kept: the window (detection) plus the cool-down (a replay
     *                   of a resolution within it is recognised and not counted twice)
     */
    PreventionProcessor(PreventionDetector detector, Duration history, Duration remembered, Clock clock) {
        this.detector = detector;
        this.history = history;
        this.remembered = remembered;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, PreventionActionProposed> context) {
        this.context = context;
        this.occurrences = context.getStateStore(PreventionStores.OCCURRENCES);
        this.actions = context.getStateStore(PreventionStores.ACTIONS);
    }

    @Override
    public void process(Record<String, ComplaintResolved> record) {
        ComplaintResolved resolved = record.value();
        RootCause cause = resolved.getRootCause();
        if (!detector.counts(cause)) {
            return;
        }
        Occurrence occurrence = new Occurrence(resolved.getComplaintId(), resolved.getRound(),
                resolved.getOccurredAt(), resolved.getEventId());
        String key = PreventionStores.occurrenceKey(cause, occurrence);
        if (occurrences.get(key) != null) {
            return; // a redelivered resolution: counted already
        }
        occurrences.put(key, occurrence);

        PreventionHistory past = actions.get(cause.name());
        PreventionHistory known = (past == null ? PreventionHistory.empty() : past)
                .counting(occurrence.resolvedAt()).within(history, occurrence.resolvedAt());
        // Bounded reads per event: while an action cools down (most of a burst) the window is not read at all.
        // Otherwise either it holds fewer than threshold resolutions, or an action is proposed, which states the
        // window's full count: at most once per cool-down per cause, so each resolution is read at most
        // window / cool-down + 1 times that way.
        Optional<PreventionAction> proposed = detector.coolingDown(occurrence, known.actions())
                ? Optional.empty()
                : detector.consider(cause, occurrence,
                        range(cause, occurrence.resolvedAt().minus(detector.window()), occurrence.resolvedAt()),
                        known.actions());
        PreventionHistory next = proposed.map(action -> {
            context.forward(new Record<>(action.complaintId(),
                    PreventionMessages.proposed(action, clock.instant()), record.timestamp()));
            return known.with(action);
        }).orElse(known);
        if (!next.equals(past)) {
            actions.put(cause.name(), next);
        }
        forgetOlderThan(cause, occurrence.resolvedAt().minus(remembered));
    }

    private List<Occurrence> range(RootCause cause, Instant fromExclusive, Instant toInclusive) {
        List<Occurrence> found = new ArrayList<>();
        try (KeyValueIterator<String, Occurrence> entries = occurrences.range(
                PreventionStores.after(cause, fromExclusive), PreventionStores.upTo(cause, toInclusive))) {
            entries.forEachRemaining(entry -> found.add(entry.value));
        }
        return found;
    }

    /**
     * Resolutions older than window + cool-down are no longer needed. Amortised bounded: the range starts at the
     * cause's oldest key and every entry it finds is deleted, so each stored resolution is read here once.
     */
    private void forgetOlderThan(RootCause cause, Instant cutoff) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Occurrence> entries = occurrences.range(
                PreventionStores.after(cause, Instant.EPOCH), PreventionStores.upTo(cause, cutoff))) {
            entries.forEachRemaining(entry -> old.add(entry.key));
        }
        old.forEach(occurrences::delete);
    }
}
