package com.makeitright.intake.status;

import com.makeitright.contract.Topics;
import com.makeitright.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The overlay of unapplied writes: shown once acknowledged, gone once applied, bounded in count, bytes and time. */
class UnappliedWritesTest {

    private final AtomicLong nanos = new AtomicLong();

    private static RecordedEvent received(String id) {
        return new RecordedEvent(Topics.COMPLAINTS_RECEIVED, Events.received(id).build());
    }

    @Test
    void aReservedEventShowsOnlyOnceAcknowledgedAndGoesOnceTheViewAppliedIt() {
        UnappliedWrites writes = new UnappliedWrites(10, 1_000_000, Duration.ofMinutes(5), nanos::get);
        String id = Events.newId();
        RecordedEvent event = received(id);

        UnappliedWrites.Reservation reservation = writes.reserve(List.of(event));
        assertThat(writes.events(id)).isEmpty();
        reservation.published();
        assertThat(writes.events(id)).containsExactly(event);

        writes.applied(id, event.eventId());
        assertThat(writes.events(id)).isEmpty();
        assertThat(writes.size()).isZero();
        assertThat(writes.bytes()).isZero();
    }

    @Test
    void anEventTheViewAppliedBeforeTheAcknowledgementArrivedIsNotShownAgain() {
        UnappliedWrites writes = new UnappliedWrites(10, 1_000_000, Duration.ofMinutes(5), nanos::get);
        String id = Events.newId();
        RecordedEvent event = received(id);

        UnappliedWrites.Reservation reservation = writes.reserve(List.of(event));
        writes.applied(id, event.eventId());
        reservation.published();

        assertThat(writes.events(id)).isEmpty();
        assertThat(writes.size()).isZero();
    }

    @Test
    void aFailedPublicationIsForgotten() {
        UnappliedWrites writes = new UnappliedWrites(10, 1_000_000, Duration.ofMinutes(5), nanos::get);
        String id = Events.newId();

        writes.reserve(List.of(received(id))).cancel();

        assertThat(writes.size()).isZero();
        assertThat(writes.bytes()).isZero();
    }

    @Test
    void whenFullAWriteIsRefusedUntilTheViewCatchesUp() {
        UnappliedWrites writes = new UnappliedWrites(2, 1_000_000, Duration.ofMinutes(5), nanos::get);
        RecordedEvent first = received(Events.newId());
        writes.reserve(List.of(first)).published();
        writes.reserve(List.of(received(Events.newId()))).published();

        assertThatThrownBy(() -> writes.reserve(List.of(received(Events.newId()))))
                .isInstanceOf(ViewUnavailable.class).hasMessageContaining("behind its own writes");

        writes.applied(first.complaintId(), first.eventId());
        writes.reserve(List.of(received(Events.newId())));
        assertThat(writes.size()).isEqualTo(2);
    }

    @Test
    void theByteBoundRefusesToo() {
        RecordedEvent event = received(Events.newId());
        UnappliedWrites writes = new UnappliedWrites(1_000, 100, Duration.ofMinutes(5), nanos::get);

        assertThatThrownBy(() -> writes.reserve(List.of(event))).isInstanceOf(ViewUnavailable.class);
        assertThat(writes.size()).isZero();
    }

    @Test
    void entriesExpireAfterTheTtlOldestFirst() {
        UnappliedWrites writes = new UnappliedWrites(10, 1_000_000, Duration.ofSeconds(60), nanos::get);
        String old = Events.newId();
        writes.reserve(List.of(received(old))).published();
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        String young = Events.newId();
        writes.reserve(List.of(received(young))).published();

        nanos.addAndGet(Duration.ofSeconds(31).toNanos());

        assertThat(writes.events(old)).isEmpty();
        assertThat(writes.events(young)).hasSize(1);
        assertThat(writes.size()).isEqualTo(1);
    }

    @Test
    void aWriteOfAComplaintAnotherInstanceHoldsIsShownForTheShortTtlOnlyAndCountsMeanwhile() {
        String remote = Events.newId();
        String local = Events.newId();
        UnappliedWrites writes = new UnappliedWrites(2, 1_000_000, Duration.ofMinutes(5), Duration.ofSeconds(10),
                complaintId -> !complaintId.equals(remote), nanos::get);
        RecordedEvent elsewhere = received(remote);
        writes.reserve(List.of(received(local))).published();
        writes.reserve(List.of(elsewhere)).published();

        assertThat(writes.events(remote)).containsExactly(elsewhere);
        assertThatThrownBy(() -> writes.reserve(List.of(received(Events.newId()))))
                .isInstanceOf(ViewUnavailable.class);

        nanos.addAndGet(Duration.ofSeconds(10).toNanos()); // behind the older local entry, it expires all the same
        assertThat(writes.events(remote)).isEmpty();
        assertThat(writes.events(local)).hasSize(1);
        assertThat(writes.size()).isOne();
    }

    @Test
    void aRemoteWritePastTheShortTtlIsKeptUnconfirmedWithoutItsBytesUntilAppliedOrTheTtl() {
        String remote = Events.newId();
        String applied = Events.newId();
        UnappliedWrites writes = new UnappliedWrites(10, 1_000_000, Duration.ofMinutes(5), Duration.ofSeconds(10),
                complaintId -> false, nanos::get);
        RecordedEvent elsewhere = received(remote);
        RecordedEvent movedHere = received(applied);
        writes.reserve(List.of(elsewhere)).published();
        writes.reserve(List.of(movedHere)).published();
        writes.reserve(List.of(received(Events.newId()))).cancel();
        assertThat(writes.unconfirmed(elsewhere.eventId())).as("still shown").isEmpty();

        nanos.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(writes.events(remote)).isEmpty();
        assertThat(writes.size()).isZero();
        assertThat(writes.unconfirmed(elsewhere.eventId())).hasValueSatisfying(unconfirmed -> {
            assertThat(unconfirmed.topic()).isEqualTo(Topics.COMPLAINTS_RECEIVED);
            assertThat(unconfirmed.complaintId()).isEqualTo(remote);
        });
        writes.applied(applied, movedHere.eventId()); // the partition moved here and the stream folded it
        assertThat(writes.unconfirmed(movedHere.eventId())).isEmpty();

        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(writes.unconfirmed(elsewhere.eventId())).isEmpty();
    }

    @Test
    void unconfirmedEventsAreBoundedByMaxEventsOldestFirst() {
        UnappliedWrites writes = new UnappliedWrites(2, 1_000_000, Duration.ofMinutes(5), Duration.ofSeconds(10),
                complaintId -> false, nanos::get);
        List<RecordedEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RecordedEvent event = received(Events.newId());
            events.add(event);
            writes.reserve(List.of(event)).published();
            nanos.addAndGet(Duration.ofSeconds(10).toNanos());
            writes.events(event.complaintId()); // expires the shown one into the unconfirmed ones
        }

        assertThat(writes.unconfirmed(events.get(0).eventId())).isEmpty();
        assertThat(writes.unconfirmed(events.get(1).eventId())).isEmpty();
        assertThat(writes.unconfirmed(events.get(3).eventId())).isPresent();
    }

    private static java.util.Map<org.apache.kafka.common.TopicPartition, Long> committed(int partition, long offset) {
        return java.util.Map.of(new org.apache.kafka.common.TopicPartition(Topics.COMPLAINTS_RECEIVED.name(), partition),
                offset);
    }

    @Test
    void anEventWithAnOffsetStaysShownAfterTheFoldUntilTheViewCommittedPastIt() {
        UnappliedWrites writes = new UnappliedWrites(10, 1_000_000, Duration.ofMinutes(5), nanos::get);
        String id = Events.newId();
        RecordedEvent event = received(id);

        writes.reserve(List.of(event)).published(2, 41);
        // folded, not yet committed: an aborted transaction would take the fold back
        writes.applied(id, event.eventId());
        assertThat(writes.events(id)).containsExactly(event);

        writes.committed(committed(2, 41)); // the next record to read is this one: not folded for good
        writes.committed(committed(1, 99)); // another partition
        assertThat(writes.events(id)).containsExactly(event);
        assertThat(writes.awaitingCommit()).isTrue();

        writes.committed(committed(2, 42));
        assertThat(writes.events(id)).isEmpty();
        assertThat(writes.size()).isZero();
        assertThat(writes.bytes()).isZero();
        assertThat(writes.awaitingCommit()).isFalse();
    }

    @Test
    void aFoldBeforeTheAcknowledgementWithItsOffsetStillWaitsForTheCommit() {
        UnappliedWrites writes = new UnappliedWrites(10, 1_000_000, Duration.ofMinutes(5), nanos::get);
        String id = Events.newId();
        RecordedEvent event = received(id);

        UnappliedWrites.Reservation reservation = writes.reserve(List.of(event));
        writes.applied(id, event.eventId());
        reservation.published(0, 7);

        assertThat(writes.events(id)).containsExactly(event);
        writes.committed(committed(0, 8));
        assertThat(writes.events(id)).isEmpty();
    }

    @Test
    void aRemoteWriteWithAnOffsetIsShownUntilTheGroupCommittedPastItNotForTheShortTtlOnly() {
        String id = Events.newId();
        RecordedEvent elsewhere = received(id);
        UnappliedWrites writes = new UnappliedWrites(10, 1_000_000, Duration.ofMinutes(5), Duration.ofSeconds(10),
                complaintId -> false, nanos::get);

        writes.reserve(List.of(elsewhere)).published(1, 5);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos()); // past the short TTL: the holder may still lag
        assertThat(writes.events(id)).containsExactly(elsewhere);
        assertThat(writes.unconfirmed(elsewhere.eventId())).isEmpty();

        writes.committed(committed(1, 6)); // the holder's view committed it: whoever holds it has it for good
        assertThat(writes.events(id)).isEmpty();
        assertThat(writes.unconfirmed(elsewhere.eventId())).isEmpty();
    }

    @Test
    void aTrackedEventPastTheTtlIsKeptUnconfirmedWithItsOffsetUntilTheCommitConfirmsIt() {
        String id = Events.newId();
        RecordedEvent local = received(id);
        UnappliedWrites writes = new UnappliedWrites(10, 1_000_000, Duration.ofMinutes(5), nanos::get);

        writes.reserve(List.of(local)).published(0, 3);
        writes.applied(id, local.eventId()); // folded here, then the partition moved before any commit
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());

        assertThat(writes.events(id)).isEmpty();
        assertThat(writes.unconfirmed(local.eventId())).hasValueSatisfying(marker -> {
            assertThat(marker.partition()).isEqualTo(0);
            assertThat(marker.offset()).isEqualTo(3);
        });
        writes.applied(id, local.eventId()); // a fold is not a commit
        assertThat(writes.unconfirmed(local.eventId())).isPresent();

        writes.committed(committed(0, 4));
        assertThat(writes.unconfirmed(local.eventId())).isEmpty();
        assertThat(writes.awaitingCommit()).isFalse();
    }
}
