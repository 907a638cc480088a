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

/**
 * The reference for {@link PreventionProcessor}: its rule written plainly, reading whole windows from the store
 * on every resolution (linear per event, quadratic per burst): before issue 10 it read the window ending at the
 * resolution just seen, which missed a crossing when a burst arrived out of time order. The tests prove the
 * bounded processor decides exactly as this one does.
 */
final class FullWindowPreventionProcessor implements Processor<String, ComplaintResolved, String, PreventionActionProposed> {

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
    FullWindowPreventionProcessor(PreventionDetector detector, Duration history, Duration remembered, Clock clock) {
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
        PreventionHistory next = firstCrossing(cause, occurrence, known.actions()).map(action -> {
            context.forward(new Record<>(action.complaintId(),
                    PreventionMessages.proposed(action, clock.instant()), record.timestamp()));
            return known.with(action);
        }).orElse(known);
        if (!next.equals(past)) {
            actions.put(cause.name(), next);
        }
        forgetOlderThan(cause, occurrence.resolvedAt().minus(remembered));
    }

    /**
     * The rule stated plainly: every window ending at a millisecond that holds a resolution, from this one's to a
     * window later, in time order, each read whole from the store; the first that crosses proposes. The latest
     * of a window is the resolution just seen when it ends in its millisecond, else the last one of that
     * millisecond in key order.
     */
    private java.util.Optional<PreventionAction> firstCrossing(RootCause cause, Occurrence arrived,
                                                               List<PreventionAction> earlier) {
        java.util.TreeMap<Long, Occurrence> ends = new java.util.TreeMap<>();
        for (Occurrence later : range(cause, arrived.resolvedAt().minusMillis(1),
                arrived.resolvedAt().plus(detector.window()))) {
            ends.put(later.resolvedAt().toEpochMilli(), later); // the last one in key order wins
        }
        for (var end : ends.entrySet()) {
            Occurrence latest = end.getKey() == arrived.resolvedAt().toEpochMilli() ? arrived : end.getValue();
            Instant at = Instant.ofEpochMilli(end.getKey());
            var action = detector.consider(cause, latest, range(cause, at.minus(detector.window()), at), earlier);
            if (action.isPresent()) {
                return action;
            }
        }
        return java.util.Optional.empty();
    }

    private List<Occurrence> range(RootCause cause, Instant fromExclusive, Instant toInclusive) {
        List<Occurrence> found = new ArrayList<>();
        try (KeyValueIterator<String, Occurrence> entries = occurrences.range(
                PreventionStores.after(cause, fromExclusive), PreventionStores.upTo(cause, toInclusive))) {
            entries.forEachRemaining(entry -> found.add(entry.value));
        }
        return found;
    }

    /** Resolutions older than window + cool-down are no longer needed (amortised: only what aged since the last one). */
    private void forgetOlderThan(RootCause cause, Instant cutoff) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Occurrence> entries = occurrences.range(
                PreventionStores.after(cause, Instant.EPOCH), PreventionStores.upTo(cause, cutoff))) {
            entries.forEachRemaining(entry -> old.add(entry.key));
        }
        old.forEach(occurrences::delete);
    }
}
