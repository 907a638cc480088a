package com.makeitright.intake.testing;

import com.makeitright.contract.Topic;
import com.makeitright.intake.publishing.EventPublisher;
import org.apache.avro.specific.SpecificRecord;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what intake publishes, for HTTP slice tests, and feeds it to the in-memory view. */
public final class RecordingPublisher implements EventPublisher {

    private final InMemoryViews views;
    private final List<Outgoing<?>> published = new CopyOnWriteArrayList<>();
    private final List<List<Outgoing<?>>> transactions = new CopyOnWriteArrayList<>();
    private volatile boolean viewLags;
    private volatile RuntimeException failure;

    public RecordingPublisher(InMemoryViews views) {
        this.views = views;
    }

    @Override
    public <T extends SpecificRecord> Mono<Void> publish(Topic<T> topic, String complaintId, T event) {
        RuntimeException failing = failure;
        return failing != null ? Mono.error(failing) : Mono.fromRunnable(() -> record(new Outgoing<>(topic, complaintId, event)));
    }

    @Override
    public Mono<Void> publishAtomically(List<Outgoing<?>> events) {
        RuntimeException failing = failure;
        if (failing != null) {
            return Mono.error(failing);
        }
        return Mono.fromRunnable(() -> {
            transactions.add(List.copyOf(events));
            events.forEach(this::record);
        });
    }

    private <T extends SpecificRecord> void record(Outgoing<T> outgoing) {
        published.add(outgoing);
        if (!viewLags) {
            views.record(outgoing.topic(), outgoing.complaintId(), outgoing.event());
        }
    }

    /** From now on published events do not reach the view (its stream lags), until {@link #clear()}. */
    public void viewLags() {
        viewLags = true;
    }

    public List<Outgoing<?>> published() {
        return List.copyOf(published);
    }

    public List<List<Outgoing<?>>> transactions() {
        return List.copyOf(transactions);
    }

    /** From now on every publication fails with this (a broker that does not acknowledge), until {@link #clear()}. */
    public void failWith(RuntimeException error) {
        failure = error;
    }

    public void clear() {
        failure = null;
        viewLags = false;
        published.clear();
        transactions.clear();
    }
}
