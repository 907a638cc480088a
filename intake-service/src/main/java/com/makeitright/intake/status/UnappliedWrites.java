package com.makeitright.intake.status;

import com.makeitright.contract.Topic;
import com.makeitright.intake.IntakeProperties;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Events this instance published whose effect its own status view has not shown yet. Intake answers a write as
 * soon as the broker acknowledged it; until the view's stream has folded the event, this overlay lets a
 * {@code GET}, an idempotent retry and the transition check of the next request see it (read-your-writes).
 *
 * <p>An event is reserved before it is published (invisible, counted against the bounds), shown once the broker
 * acknowledged it, and dropped once the view's consumer group has committed past the offset the broker gave it
 * ({@link #committed}: the fold is then durable, in the store of whichever instance holds the complaint and in its
 * changelog), when its publication failed, or after the TTL. Folded is not enough: the view's store shows a fold
 * before its exactly-once transaction commits, and a transaction aborted by a rebalance or a broker failure takes
 * the fold back until the record is processed again, on this instance or another. An event whose offset is not known
 * (a publisher that cannot tell) is dropped when this instance's view folded it, as before. Bounded by {@code makeitright.intake.unapplied.*}: at most {@code max-events} events and
 * {@code max-bytes} of their Avro bytes; a write that would exceed either is refused with a 503 (the view is that
 * far behind), so the memory never grows with the load.
 *
 * <p>With several intake instances ({@link ViewRoutingProperties}), an event of a complaint another instance holds
 * is never applied by this instance's stream; the group's committed offsets cover every instance, so it leaves the
 * same way. Without an offset it is shown for {@code remote-overlay-ttl} only. An event still not confirmed when its
 * TTL ends is kept as {@link #unconfirmed(String) unconfirmed} (its topic, record key and offset, no bytes; at most
 * {@code max-events}, each for the TTL): a retry of its Idempotency-Key then waits until the view caught up before
 * deciding, instead of publishing a copy because the holder lags.
 */
@Component
public class UnappliedWrites {

    private enum State { PENDING, VISIBLE }

    private static final int OVERHEAD_BYTES = 256;

    /**
     * Where an event whose effect this instance cannot confirm would be: its topic and record key, and its partition
     * and offset when known (-1 otherwise).
     */
    public record Unconfirmed(Topic<?> topic, String complaintId, long sinceNanos, int partition, long offset) {
    }

    private static final class Entry {
        final Topic<?> topic;
        final String complaintId;
        final String eventId;
        final byte[] entry;
        final long createdNanos;
        /** Another instance holds the complaint: its view never applies it here. */
        final boolean remote;
        State state = State.PENDING;
        /** Where the broker put it, once acknowledged: the view's committed offsets then confirm it. */
        int partition = -1;
        long offset = -1;
        /** This instance's view folded it before its publication was acknowledged. */
        boolean folded;

        Entry(Topic<?> topic, String complaintId, String eventId, byte[] entry, long createdNanos, boolean remote) {
            this.topic = topic;
            this.complaintId = complaintId;
            this.eventId = eventId;
            this.entry = entry;
            this.createdNanos = createdNanos;
            this.remote = remote;
        }

        long size() {
            return entry.length + OVERHEAD_BYTES;
        }

        boolean tracked() {
            return offset >= 0;
        }
    }

    /** The events of one write, from reservation to publication (or not). */
    public final class Reservation {
        private final List<Entry> entries;
        private final List<byte[]> avro;

        private Reservation(List<Entry> entries, List<byte[]> avro) {
            this.entries = entries;
            this.avro = avro;
        }

        /**
         * The reserved event at {@code index} as its Avro single-object bytes: what the producer writes, so that the
         * publisher need not encode it a second time.
         */
        public byte[] avro(int index) {
            return avro.get(index);
        }

        /** The broker acknowledged them, where is not known: show them, unless the view already has. */
        public void published() {
            published(-1, -1);
        }

        /**
         * The broker acknowledged the (only) event at this partition and offset: show it until the view's group
         * committed past it ({@link #committed}); a negative offset: not known, as {@link #published()}.
         */
        public void published(int partition, long offset) {
            synchronized (UnappliedWrites.this) {
                boolean known = partition >= 0 && offset >= 0 && entries.size() == 1;
                for (Entry entry : entries) {
                    if (index(entry).get(entry.eventId) != entry) {
                        continue; // failed meanwhile, or replaced by a newer reservation of the same event
                    }
                    if (known) {
                        if (entry.remote) {
                            remoteByEvent.remove(entry.eventId); // tracked by offset, with the TTL of every other
                        }
                        entry.partition = partition;
                        entry.offset = offset;
                        byEvent.put(entry.eventId, entry);
                        entry.state = State.VISIBLE;
                    } else if (entry.folded) {
                        remove(entry);
                    } else {
                        entry.state = State.VISIBLE;
                    }
                }
            }
        }

        /** They were not (or may not have been) published: forget them. */
        public void cancel() {
            synchronized (UnappliedWrites.this) {
                entries.forEach(UnappliedWrites.this::remove);
            }
        }
    }

    private final int maxEvents;
    private final long maxBytes;
    private final long ttlNanos;
    private final long remoteTtlNanos;
    private final LongSupplier nanoTime;
    private final Predicate<String> appliedHere;
    /** Oldest first, each with one TTL, so expiry stops at the first entry still young. */
    private final LinkedHashMap<String, Entry> byEvent = new LinkedHashMap<>();
    private final LinkedHashMap<String, Entry> remoteByEvent = new LinkedHashMap<>();
    private final Map<String, List<Entry>> byComplaint = new HashMap<>();
    /** Events past their TTL not known to be in the view, by event id, oldest first. */
    private final LinkedHashMap<String, Unconfirmed> unconfirmed = new LinkedHashMap<>();
    private long bytes;

    @Autowired
    UnappliedWrites(IntakeProperties properties, ViewRoutingProperties routing, ObjectProvider<ViewOwners> owners) {
        this(properties.unapplied().maxEvents(), properties.unapplied().maxBytes().toBytes(),
                properties.unapplied().ttl(), routing.remoteOverlayTtl(),
                complaintId -> owners.getObject().appliedHere(complaintId), System::nanoTime);
    }

    /** A single instance: every event is applied by its own view. */
    public UnappliedWrites(int maxEvents, long maxBytes, Duration ttl, LongSupplier nanoTime) {
        this(maxEvents, maxBytes, ttl, ttl, complaintId -> true, nanoTime);
    }

    /**
     * @param appliedHere whether this instance's view holds the complaint (and so applies its events)
     */
    public UnappliedWrites(int maxEvents, long maxBytes, Duration ttl, Duration remoteTtl,
                           Predicate<String> appliedHere, LongSupplier nanoTime) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.ttlNanos = ttl.toNanos();
        this.remoteTtlNanos = Math.min(remoteTtl.toNanos(), ttlNanos);
        this.appliedHere = appliedHere;
        this.nanoTime = nanoTime;
    }

    /**
     * Reserves room for events about to be published; fails with {@link ViewUnavailable} when they do not fit
     * (nothing is published then).
     */
    public Reservation reserve(List<RecordedEvent> events) {
        List<Entry> entries = new ArrayList<>(events.size());
        List<byte[]> encoded = new ArrayList<>(events.size());
        long now = nanoTime.getAsLong();
        long size = 0;
        for (RecordedEvent event : events) {
            byte[] avro = StoredEventsSerde.avro(event.topic(), event.event());
            encoded.add(avro);
            byte[] entry = StoredEventsSerde.entry(event.topic().name(), event.eventId(), avro);
            Entry created = new Entry(event.topic(), event.complaintId(), event.eventId(), entry, now,
                    !appliedHere.test(event.complaintId()));
            entries.add(created);
            size += created.size();
        }
        synchronized (this) {
            expire(now);
            if (size() + entries.size() > maxEvents || bytes + size > maxBytes) {
                throw new ViewUnavailable("Intake's status view is behind its own writes (" + size()
                        + " events, " + bytes + " bytes not shown yet); nothing was published, retry shortly", null);
            }
            for (Entry entry : entries) {
                remove(byEvent.get(entry.eventId));
                remove(remoteByEvent.get(entry.eventId));
                index(entry).put(entry.eventId, entry);
                byComplaint.computeIfAbsent(entry.complaintId, id -> new ArrayList<>(2)).add(entry);
                bytes += entry.size();
            }
        }
        return new Reservation(entries, encoded);
    }

    /** The published events of a complaint the view has not shown yet, oldest first. */
    public List<RecordedEvent> events(String complaintId) {
        return entries(complaintId).stream().map(StoredEventsSerde::readEntry).toList();
    }

    /** The same, as stored entries ({@link StoredEventsSerde#entry}). */
    synchronized List<byte[]> entries(String complaintId) {
        expire(nanoTime.getAsLong());
        List<Entry> entries = byComplaint.get(complaintId);
        if (entries == null) {
            return List.of();
        }
        return entries.stream().filter(e -> e.state == State.VISIBLE).map(e -> e.entry).toList();
    }

    /**
     * The event of this instance's (acknowledged) write of a complaint another instance holds, once it is no longer
     * shown and not known to be in the holder's view; empty otherwise.
     */
    public synchronized java.util.Optional<Unconfirmed> unconfirmed(String eventId) {
        expire(nanoTime.getAsLong());
        return java.util.Optional.ofNullable(unconfirmed.get(eventId));
    }

    /** The holder's view is known to have caught up with the event (or it was decided again): forget it. */
    public synchronized void confirmed(String eventId) {
        unconfirmed.remove(eventId);
    }

    /**
     * Called by this instance's view stream once the event is in its store, before that is committed: drops an event
     * whose offset is not known; one whose offset is known waits for {@link #committed}.
     */
    public void applied(String complaintId, String eventId) {
        synchronized (this) {
            Unconfirmed marker = unconfirmed.get(eventId);
            if (marker != null && marker.offset() < 0) {
                unconfirmed.remove(eventId);
            }
            Entry entry = byEvent.get(eventId);
            entry = entry != null ? entry : remoteByEvent.get(eventId);
            if (entry == null || !entry.complaintId.equals(complaintId) || entry.tracked()) {
                return;
            }
            if (entry.state == State.PENDING) {
                entry.folded = true; // its acknowledgement (and offset) is still to come
            } else {
                remove(entry);
            }
        }
    }

    /**
     * The view's consumer group has committed these offsets (the next record each partition will read): every event
     * before them is folded for good, in the store of the instance that holds it. Drops those events and markers.
     */
    public synchronized void committed(Map<TopicPartition, Long> offsets) {
        Iterator<Entry> entries = byEvent.values().iterator();
        while (entries.hasNext()) {
            Entry entry = entries.next();
            if (entry.tracked() && committedPast(offsets, entry.topic, entry.partition, entry.offset)) {
                entries.remove();
                detach(entry);
            }
        }
        unconfirmed.values().removeIf(marker -> marker.offset() >= 0
                && committedPast(offsets, marker.topic(), marker.partition(), marker.offset()));
    }

    /** Whether any event waits for the view's committed offsets ({@link #committed}). */
    public synchronized boolean awaitingCommit() {
        return !byEvent.isEmpty() || !unconfirmed.isEmpty();
    }

    private static boolean committedPast(Map<TopicPartition, Long> offsets, Topic<?> topic, int partition,
                                         long offset) {
        Long committed = offsets.get(new TopicPartition(topic.name(), partition));
        return committed != null && committed > offset;
    }

    public synchronized int size() {
        return byEvent.size() + remoteByEvent.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    private LinkedHashMap<String, Entry> index(Entry entry) {
        return entry.remote && !entry.tracked() ? remoteByEvent : byEvent;
    }

    private void expire(long now) {
        expire(byEvent, ttlNanos, now);
        expire(remoteByEvent, remoteTtlNanos, now);
        Iterator<Unconfirmed> oldestFirst = unconfirmed.values().iterator();
        while (oldestFirst.hasNext()) {
            Unconfirmed oldest = oldestFirst.next();
            if (unconfirmed.size() <= maxEvents && now - oldest.sinceNanos() < ttlNanos) {
                return;
            }
            oldestFirst.remove();
        }
    }

    private void expire(LinkedHashMap<String, Entry> index, long ttl, long now) {
        Iterator<Entry> oldestFirst = index.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry oldest = oldestFirst.next();
            if (now - oldest.createdNanos < ttl) {
                return;
            }
            oldestFirst.remove();
            detach(oldest);
            // shown, and not known to be in the view: a retry must wait for the view rather than trust its absence
            if ((oldest.remote || oldest.tracked()) && oldest.state == State.VISIBLE) {
                unconfirmed.remove(oldest.eventId);
                unconfirmed.put(oldest.eventId, new Unconfirmed(oldest.topic, oldest.complaintId, now,
                        oldest.partition, oldest.offset));
            }
        }
    }

    private void remove(Entry entry) {
        if (entry != null && index(entry).remove(entry.eventId, entry)) {
            detach(entry);
        }
    }

    private void detach(Entry entry) {
        bytes -= entry.size();
        List<Entry> entries = byComplaint.get(entry.complaintId);
        if (entries != null) {
            entries.remove(entry);
            if (entries.isEmpty()) {
                byComplaint.remove(entry.complaintId);
            }
        }
    }
}
