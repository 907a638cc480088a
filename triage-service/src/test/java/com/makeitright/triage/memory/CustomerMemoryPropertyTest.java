package com.makeitright.triage.memory;

import com.makeitright.triage.classify.History;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Day counts answer what the former list of every complaint answered: random customers' lives (complaints,
 * reopened rounds, redeliveries, refunds, do-not-serve) over three years, replayed against a reference that keeps
 * every complaint, give the same history before every complaint. Events happen at noon UTC, where counting in
 * whole days and counting by the instant agree on the 12-month boundary.
 */
class CustomerMemoryPropertyTest {

    private static final Instant START = Instant.parse("2023-01-01T12:00:00Z");

    @RepeatedTest(200)
    void dayCountsGiveTheSameHistoryAsAListOfEveryComplaint(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        Remembered memory = new Remembered();
        Reference reference = new Reference();
        Map<String, Integer> rounds = new HashMap<>();
        Instant at = START;
        for (int i = 0; i < 150; i++) {
            at = at.plus(random.nextInt(random.nextBoolean() ? 3 : 40), ChronoUnit.DAYS);
            int pick = random.nextInt(10);
            if (pick < 6 || rounds.isEmpty()) {
                String id = "c" + i;
                boolean neverArrived = random.nextInt(3) == 0;
                rounds.put(id, 1);
                assertThat(memory.complaint(id, 1, at, neverArrived, null))
                        .isEqualTo(reference.complaint(id, at, neverArrived));
            } else {
                List<String> known = new ArrayList<>(rounds.keySet());
                known.sort(null);
                String id = known.get(random.nextInt(known.size()));
                int round = rounds.get(id);
                if (pick < 8) { // the round ends
                    boolean refunded = random.nextBoolean();
                    boolean stop = random.nextInt(20) == 0;
                    memory.resolution(id, round, at, refunded, stop);
                    reference.resolution(id, round, at, refunded, stop);
                } else if (pick < 9) { // reopened: a new round of the same complaint
                    boolean neverArrived = random.nextInt(3) == 0;
                    rounds.put(id, round + 1);
                    assertThat(memory.complaint(id, round + 1, at, neverArrived, null))
                            .isEqualTo(reference.complaint(id, at, neverArrived));
                } else { // a redelivered round: nothing changes
                    assertThat(memory.complaint(id, round, at, false, null)).isNull();
                }
            }
            assertThat(memory.memory.days()).hasSizeLessThanOrEqualTo(CustomerMemory.MAX_DAYS);
        }
    }

    /** The former model: every complaint and refunded round of the last 12 months, by instant. */
    private static final class Reference {
        record Seen(String id, Instant at, boolean neverArrived) {
        }

        record Refund(String id, int round, Instant at) {
        }

        final List<Seen> complaints = new ArrayList<>();
        final List<Refund> refunds = new ArrayList<>();
        boolean doNotServe;

        History complaint(String id, Instant at, boolean neverArrived) {
            Instant from = at.atOffset(ZoneOffset.UTC).minusMonths(12).toInstant();
            History history = new History(
                    (int) complaints.stream().filter(c -> !c.id().equals(id) && c.at().isAfter(from)).count(),
                    (int) refunds.stream().filter(r -> !r.id().equals(id) && r.at().isAfter(from)).count(),
                    (int) complaints.stream().filter(c -> !c.id().equals(id) && c.at().isAfter(from)
                            && c.neverArrived()).count(),
                    doNotServe, null);
            int known = indexOf(id);
            if (known < 0) {
                complaints.add(new Seen(id, at, neverArrived));
            } else {
                Seen seen = complaints.get(known);
                complaints.set(known, new Seen(id, seen.at(), seen.neverArrived() || neverArrived));
            }
            return history;
        }

        void resolution(String id, int round, Instant at, boolean refunded, boolean stop) {
            if (refunded && refunds.stream().noneMatch(r -> r.id().equals(id) && r.round() == round)) {
                refunds.add(new Refund(id, round, at));
            }
            doNotServe |= stop;
        }

        private int indexOf(String id) {
            for (int i = 0; i < complaints.size(); i++) {
                if (complaints.get(i).id().equals(id)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
