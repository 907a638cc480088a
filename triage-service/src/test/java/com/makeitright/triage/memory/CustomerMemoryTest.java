package com.makeitright.triage.memory;

import com.makeitright.triage.classify.History;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-customer history: 12 months by event time, one count per complaint, refunds per round, sticky do-not-serve. */
class CustomerMemoryTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private static Instant daysAgo(int days) {
        return NOW.minus(days, ChronoUnit.DAYS);
    }

    @Test
    void countsComplaintsAndNeverArrivedClaimsOfTheLast12MonthsByEventTime() {
        Remembered memory = new Remembered()
                .complaint("old", daysAgo(400), true)
                .complaint("a", daysAgo(300), true)
                .complaint("b", daysAgo(100), false)
                .complaint("c", daysAgo(10), true);

        History history = memory.historyAt(NOW, "new");

        assertThat(history.complaints()).isEqualTo(3);
        assertThat(history.neverArrived()).isEqualTo(2);
    }

    @Test
    void aComplaintIsCountedOnceAcrossRoundsAndNotInItsOwnHistory() {
        Remembered memory = new Remembered();
        memory.complaint("a", 1, daysAgo(20), false, null);
        memory.complaint("a", 2, daysAgo(5), true, null); // round 2 of the same complaint

        assertThat(memory.memory.days()).singleElement().satisfies(d -> assertThat(d.complaints()).isEqualTo(1));
        assertThat(memory.historyAt(NOW, "a").complaints()).isZero();
        assertThat(memory.historyAt(NOW, "a").neverArrived()).isZero();
        assertThat(memory.historyAt(NOW, "b")).satisfies(h -> {
            assertThat(h.complaints()).isEqualTo(1);
            assertThat(h.neverArrived()).isEqualTo(1);
        });
    }

    @Test
    void aRedeliveredRoundIsNotRememberedTwice() {
        Remembered memory = new Remembered();
        assertThat(memory.complaint("a", 1, daysAgo(3), false, null)).isNotNull();

        assertThat(memory.complaint("a", 1, daysAgo(3), false, null)).isNull();
        assertThat(memory.historyAt(NOW, "new").complaints()).isEqualTo(1);
    }

    @Test
    void refundsCountOncePerRoundAndDoNotServeIsForGood() {
        Remembered memory = new Remembered()
                .resolution("a", 1, daysAgo(30), true, false)
                .resolution("a", 1, daysAgo(30), true, false) // redelivered
                .resolution("b", 1, daysAgo(20), false, true)
                .resolution("c", 1, daysAgo(10), false, false);

        History history = memory.historyAt(NOW, "new");

        assertThat(history.refunds()).isEqualTo(1);
        assertThat(history.doNotServe()).isTrue();
        assertThat(memory.historyAt(NOW, "a").refunds()).isZero(); // not in its own history
    }

    @Test
    void keepsTheEarliestKnownCustomerSinceAndForgetsWhatIsOlderThanAYear() {
        Remembered memory = new Remembered();
        memory.complaint("a", 1, daysAgo(500), false, LocalDate.of(2019, 5, 1));
        memory.complaint("b", 1, daysAgo(1), false, LocalDate.of(2021, 1, 1));

        assertThat(memory.memory.customerSince()).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(memory.memory.days()).extracting(CustomerMemory.Day::epochDay)
                .containsExactly((int) LocalDate.of(2026, 3, 9).toEpochDay());
    }

    @Test
    void theWindowEndsOnTheDayExactlyTwelveMonthsBefore() {
        Remembered memory = new Remembered()
                .complaint("boundary", Instant.parse("2025-03-10T10:00:00Z"), false)
                .complaint("inside", Instant.parse("2025-03-11T00:00:00Z"), false);

        assertThat(memory.historyAt(Instant.parse("2026-03-10T09:00:00Z"), "new").complaints()).isEqualTo(1);
    }
}
