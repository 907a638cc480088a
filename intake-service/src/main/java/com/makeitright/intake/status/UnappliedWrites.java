package com.makeitright.intake.status;

import com.makeitright.contract.Topic;
import com.makeitright.intake.IntakeProperties;
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
 * acknowledged it, and dropped when the view applied it (usually milliseconds later), when its publication failed,
 * or after the TTL. Bounded by {@code makeitright.intake.unapplied.*}: at most {@code max-events} events and
 * {@code max-bytes} of their Avro bytes; a write that would exceed either is refused with a 503 (the view is that
 * far behind), so the memory never grows with the load.
 *
 * <p>With several intake instances ({@link ViewRoutingProperties}), an event of a complaint another instance holds
 * is never applied by this instance's stream: it is shown for {@code remote-overlay-ttl} only, long enough for the
 * holder's view to fold it, and counts against the same bounds meanwhile. Whether the holder did is not known here,
 * so when the short TTL ends the event is kept as {@link #unconfirmed(String) unconfirmed} (its topic and record key,
 * no bytes; at most {@code max-events}, each for the TTL): a retry of its Idempotency-Key then waits until the
 * holder's view caught up before deciding, instead of publishing a copy because the holder lags.
 */
@Component
public class UnappliedWrites {

    private enum State { PENDING, VISIBLE }

    private static final int OVERHEAD_BYTES = 256;

    /** Where an event whose effect this instance cannot confirm would be: its topic and record key. */
    public record Unconfirmed(Topic<?> topic, String complaintId, long sinceNanos) {
    }

    private static final class Entry {
        final Topic<?> topic;
        final String complaintId;
        final String eventId;
        final byte[] entry;
        final long createdNanos;
        /** Another instance holds the complaint: only the TTL removes it. */
        final boolean remote;
        State state = State.PENDING;

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

        /** The broker acknowledged them: show them, unless the view already has. */
        public void published() {
            synchronized (UnappliedWrites.this) {
                for (Entry entry : entries) {
                    if (index(entry).get(entry.eventId) == entry) {
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
    /** Remote events past {@code remote-overlay-ttl}, by event id, oldest first. */
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

    /** Called by the view's stream once the event is in its store. */
    public void applied(String complaintId, String eventId) {
        synchronized (this) {
            unconfirmed.remove(eventId);
            Entry entry = byEvent.get(eventId);
            entry = entry != null ? entry : remoteByEvent.get(eventId);
            if (entry != null && entry.complaintId.equals(complaintId)) {
                remove(entry);
            }
        }
    }

    public synchronized int size() {
        return byEvent.size() + remoteByEvent.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    private LinkedHashMap<String, Entry> index(Entry entry) {
        return entry.remote ? remoteByEvent : byEvent;
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
            if (oldest.remote && oldest.state == State.VISIBLE) {
                unconfirmed.remove(oldest.eventId);
                unconfirmed.put(oldest.eventId, new Unconfirmed(oldest.topic, oldest.complaintId, now));
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
