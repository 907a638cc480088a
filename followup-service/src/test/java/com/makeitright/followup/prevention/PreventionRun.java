package com.makeitright.followup.prevention;

import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.PreventionActionProposed;
import com.makeitright.events.RootCause;
import com.makeitright.testing.Events;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

/**
 * One prevention processor (the bounded one or the full-window reference) over counting stores, fed one
 * resolution at a time, without a broker or serialization.
 */
final class PreventionRun {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** The prevention settings the processor reads, as {@link PreventionTopology} wires them. */
    record Config(Duration window, int threshold, Duration cooldown, Duration history) {

        PreventionDetector detector() {
            return new PreventionDetector(window, threshold, cooldown,
                    EnumSet.complementOf(EnumSet.of(RootCause.EXTERNAL, RootCause.OTHER)));
        }
    }

    /** A proposal forwarded: key, value and timestamp. */
    record Forward(String key, PreventionActionProposed value, long timestamp) {
    }

    /** What one resolution did: the proposals forwarded and the window entries read for it. */
    record Step(List<Forward> forwarded, long windowReads) {
    }

    final CountingStore<Occurrence> occurrences = new CountingStore<>(PreventionStores.OCCURRENCES);
    final CountingStore<PreventionHistory> actions = new CountingStore<>(PreventionStores.ACTIONS);
    private final MockProcessorContext<String, PreventionActionProposed> context = new MockProcessorContext<>();
    private final Processor<String, ComplaintResolved, String, PreventionActionProposed> processor;

    private PreventionRun(Processor<String, ComplaintResolved, String, PreventionActionProposed> processor) {
        this.processor = processor;
        context.addStateStore(occurrences);
        context.addStateStore(actions);
        processor.init(context);
    }

    static PreventionRun bounded(Config config) {
        return new PreventionRun(new PreventionProcessor(config.detector(), config.history(),
                config.window().plus(config.cooldown()), Clock.fixed(T0, ZoneOffset.UTC)));
    }

    static PreventionRun fullWindow(Config config) {
        return new PreventionRun(new FullWindowPreventionProcessor(config.detector(), config.history(),
                config.window().plus(config.cooldown()), Clock.fixed(T0, ZoneOffset.UTC)));
    }

    /**
     * The window entries read are all entries iterated less those deleted: the purge deletes every entry it
     * iterates (which is what bounds it, amortised), and nothing else deletes.
     */
    Step process(ComplaintResolved resolved) {
        context.resetForwards();
        long iterated = occurrences.iterated;
        long deleted = occurrences.deleted;
        processor.process(new Record<>(resolved.getRootCause().name(), resolved,
                resolved.getOccurredAt().toEpochMilli()));
        List<Forward> forwarded = context.forwarded().stream()
                .map(captured -> new Forward(captured.record().key(), captured.record().value(),
                        captured.record().timestamp()))
                .toList();
        return new Step(forwarded, (occurrences.iterated - iterated) - (occurrences.deleted - deleted));
    }

    static ComplaintResolved resolution(RootCause cause, String complaintId, int round, Instant at, String eventId) {
        return Events.resolved(complaintId).setRootCause(cause).setRound(round).setOccurredAt(at).setEventId(eventId)
                .build();
    }
}
