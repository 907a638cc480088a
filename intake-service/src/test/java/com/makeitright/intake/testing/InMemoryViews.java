package com.makeitright.intake.testing;

import com.makeitright.contract.Topic;
import com.makeitright.intake.status.ComplaintState;
import com.makeitright.intake.status.ComplaintViews;
import com.makeitright.intake.status.RecordedEvent;
import org.apache.avro.specific.SpecificRecord;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The status view for HTTP slice tests: a complaint's events in memory, folded the same way as in production.
 * Together with {@link RecordingPublisher} a published event shows in the view at once.
 */
public final class InMemoryViews implements ComplaintViews {

    private final Map<String, List<RecordedEvent>> histories = new ConcurrentHashMap<>();

    public <T extends SpecificRecord> void record(Topic<T> topic, String complaintId, T event) {
        histories.computeIfAbsent(complaintId, id -> new CopyOnWriteArrayList<>()).add(new RecordedEvent(topic, event));
    }

    public void clear() {
        histories.clear();
    }

    @Override
    public Mono<Optional<ComplaintState>> find(String complaintId) {
        return Mono.fromSupplier(() -> Optional.ofNullable(histories.get(complaintId))
                .flatMap(events -> ComplaintState.fold(complaintId, List.copyOf(events))));
    }

    @Override
    public Mono<Boolean> whenApplied(String eventId) {
        return Mono.just(true);
    }
}
