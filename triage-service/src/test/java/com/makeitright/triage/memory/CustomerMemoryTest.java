package com.makeitright.triage.memory;

import com.makeitright.triage.classify.History;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-customer history: 12 months by event time, one entry per complaint, refunds per round, sticky do-not-serve. */
class CustomerMemoryTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private static Instant daysAgo(int days) {
        return NOW.minus(days, ChronoUnit.DAYS);
    }

    @Test
    void countsComplaintsAndNeverArrivedClaimsOfTheLast12MonthsByEventTime() {
        CustomerMemory memory = CustomerMemory.EMPTY
                .withComplaint("old", daysAgo(400), true, null)
                .withComplaint("a", daysAgo(300), true, null)
                .withComplaint("b", daysAgo(100), false, null)
                .withComplaint("c", daysAgo(10), true, null);

        History history = memory.historyAt(NOW, "new");

        assertThat(history.complaints()).isEqualTo(3);
        assertThat(history.neverArrived()).isEqualTo(2);
    }

    @Test
    void aComplaintIsCountedOnceAcrossRoundsAndNotInItsOwnHistory() {
        CustomerMemory memory = CustomerMemory.EMPTY
                .withComplaint("a", daysAgo(20), false, null)
                .withComplaint("a", daysAgo(5), true, null); // round 2 of the same complaint

        assertThat(memory.complaints()).hasSize(1);
        assertThat(memory.historyAt(NOW, "a").complaints()).isZero();
        assertThat(memory.historyAt(NOW, "b")).satisfies(h -> {
            assertThat(h.complaints()).isEqualTo(1);
            assertThat(h.neverArrived()).isEqualTo(1);
        });
    }

    @Test
    void refundsCountOncePerRoundAndDoNotServeIsForGood() {
        CustomerMemory memory = CustomerMemory.EMPTY
                .withResolution("a", 1, daysAgo(30), true, false)
                .withResolution("a", 1, daysAgo(30), true, false) // redelivered
                .withResolution("b", 1, daysAgo(20), false, true)
                .withResolution("c", 1, daysAgo(10), false, false);

        History history = memory.historyAt(NOW, "new");

        assertThat(history.refunds()).isEqualTo(1);
        assertThat(history.doNotServe()).isTrue();
    }

    @Test
    void keepsTheEarliestKnownCustomerSinceAndForgetsWhatIsOlderThanAYear() {
        CustomerMemory memory = CustomerMemory.EMPTY
                .withComplaint("a", daysAgo(500), false, LocalDate.of(2019, 5, 1))
                .withComplaint("b", daysAgo(1), false, LocalDate.of(2021, 1, 1));

        assertThat(memory.customerSince()).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(memory.complaints()).extracting(CustomerMemory.ComplaintSeen::complaintId).containsExactly("b");
    }
}
