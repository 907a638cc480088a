package com.makeitright.triage.memory;

import com.makeitright.triage.classify.History;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** One customer's memory with its complaints' traces, folded the way triage's processors fold them. */
final class Remembered {

    CustomerMemory memory = CustomerMemory.EMPTY;
    final Map<String, ComplaintSeen> seen = new HashMap<>();

    /** Like the triage processor: skips an acknowledged round, else remembers it; answers the history it read. */
    History complaint(String id, int round, Instant at, boolean neverArrived, LocalDate since) {
        ComplaintSeen before = seen.get(id);
        if (before != null && before.acknowledgedRound() >= round) {
            return null;
        }
        History history = memory.historyAt(at, before);
        memory = memory.withComplaint(at, before, neverArrived, since);
        seen.put(id, (before == null ? ComplaintSeen.first(at) : before).acknowledged(round, at, neverArrived));
        return history;
    }

    Remembered complaint(String id, Instant at, boolean neverArrived) {
        complaint(id, 1, at, neverArrived, null);
        return this;
    }

    Remembered resolution(String id, int round, Instant at, boolean refunded, boolean stopServing) {
        ComplaintSeen before = seen.get(id);
        memory = memory.withResolution(at, before, round, refunded, stopServing);
        seen.put(id, (before == null ? ComplaintSeen.first(at) : before).resolved(round, at, refunded));
        return this;
    }

    History historyAt(Instant at, String excludingComplaintId) {
        return memory.historyAt(at, seen.get(excludingComplaintId));
    }
}
