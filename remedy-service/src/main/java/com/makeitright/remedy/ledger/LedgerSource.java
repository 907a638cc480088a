package com.makeitright.remedy.ledger;

import java.time.LocalDate;
import java.util.List;

/** What the ledger stream has booked, read back for a period; both bounds inclusive, either null for open. */
interface LedgerSource {

    /**
     * The day totals dated within the period (at most one per day × kind × cause × currency).
     *
     * @throws LedgerUnavailableException while the store is not ready (start-up, restoration, rebalance)
     */
    List<DayTotal> days(LocalDate from, LocalDate to);

    /** The remembered recent entries dated within the period (a bounded number). */
    List<Ledger.Entry> entries(LocalDate from, LocalDate to);

    final class LedgerUnavailableException extends RuntimeException {
        LedgerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
