package com.makeitright.intake.testing;

import com.makeitright.contract.Topic;
import com.makeitright.intake.status.ComplaintState;
import com.makeitright.intake.status.ComplaintViews;
import com.makeitright.intake.status.RecordedEvent;
import com.makeitright.intake.status.UnappliedWrites;
import org.apache.avro.specific.SpecificRecord;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The status view for HTTP slice tests: a complaint's events in memory, plus intake's overlay of unapplied writes,
 * folded the same way as in production. With {@link RecordingPublisher} a published event shows in the view at
 * once, unless the publisher holds the view back (a view that lags behind the broker).
 */
public final class InMemoryViews implements ComplaintViews {

    private final Map<String, List<RecordedEvent>> histories = new ConcurrentHashMap<>();
    private final UnappliedWrites unapplied;

    public InMemoryViews(UnappliedWrites unapplied) {
        this.unapplied = unapplied;
    }

    public <T extends SpecificRecord> void record(Topic<T> topic, String complaintId, T event) {
        RecordedEvent recorded = new RecordedEvent(topic, event);
        histories.computeIfAbsent(complaintId, id -> new CopyOnWriteArrayList<>()).add(recorded);
        unapplied.applied(complaintId, recorded.eventId());
    }

    public void clear() {
        histories.clear();
    }

    @Override
    public Mono<Optional<ComplaintState>> find(String complaintId) {
        return Mono.fromSupplier(() -> {
            List<RecordedEvent> mine = unapplied.events(complaintId);
            List<RecordedEvent> events = new ArrayList<>(histories.getOrDefault(complaintId, List.of()));
            events.addAll(mine);
            return events.isEmpty() ? Optional.<ComplaintState>empty() : ComplaintState.fold(complaintId, events);
        });
    }
}
