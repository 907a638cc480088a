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
import java.time.temporal.ChronoUnit;
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
        // Bounded reads per event: while an action cools down (most of a burst) nothing is read at all.
        // Otherwise either no window crosses the threshold, and then fewer than 2 x threshold resolutions were read
        // (see firstCrossing), or an action is proposed: at most once per cool-down per cause.
        Optional<PreventionAction> proposed = firstCrossing(cause, occurrence, known.actions());
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

    /**
     * The first window, in time, that the resolution just seen makes cross the threshold. Resolutions of one cause
     * come from every partition of {@code complaints.resolved}, so a burst can arrive out of time order: the window
     * that crosses may end at a later resolution than this one. Windows end at each millisecond holding a
     * resolution from {@code s} to a window after this one ({@code t}), in time order; {@code s} is {@code t}, or
     * the end of the last cool-down when that is later (no window ending before it can propose). In time order
     * that is just the window ending here, as before.
     *
     * <p>Reads the ends, then the window before the first end {@code e}: {@code (e - window, t + window]}. When no
     * window crosses, the first and the last hold fewer than threshold each and together cover everything read.
     */
    private Optional<PreventionAction> firstCrossing(RootCause cause, Occurrence arrived,
                                                     List<PreventionAction> earlier) {
        Duration window = detector.window();
        Instant coolingEnds = detector.coolingEnds(earlier);
        Instant first = coolingEnds.isAfter(arrived.resolvedAt())
                ? coolingEnds.truncatedTo(ChronoUnit.MILLIS) : arrived.resolvedAt();
        List<Occurrence> ends = range(cause, first.minusMillis(1), arrived.resolvedAt().plus(window));
        if (ends.isEmpty()) {
            return Optional.empty(); // cooling down past this resolution's reach: nothing to read
        }
        Instant firstEnd = ends.get(0).resolvedAt().truncatedTo(ChronoUnit.MILLIS);
        List<Occurrence> around = range(cause, firstEnd.minus(window), firstEnd.minusMillis(1));
        around.addAll(ends);
        long windowMillis = window.toMillis();
        long arrivedAt = arrived.resolvedAt().toEpochMilli();
        int from = 0;
        for (int end = around.size() - ends.size(); end < around.size(); end++) {
            long at = around.get(end).resolvedAt().toEpochMilli();
            if (end + 1 < around.size() && around.get(end + 1).resolvedAt().toEpochMilli() == at) {
                continue; // a window holds its whole last millisecond (the keys' resolution)
            }
            while (around.get(from).resolvedAt().toEpochMilli() <= at - windowMillis) {
                from++;
            }
            Occurrence latest = at == arrivedAt ? arrived : around.get(end);
            Optional<PreventionAction> action = detector.consider(cause, latest, around.subList(from, end + 1), earlier);
            if (action.isPresent()) {
                return action;
            }
        }
        return Optional.empty();
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
