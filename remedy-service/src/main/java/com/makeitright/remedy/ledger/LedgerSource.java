package com.makeitright.remedy.ledger;

import com.makeitright.events.ComplaintResolved;

import java.util.List;

/** Every resolution remedy has published, as read back from {@code complaints.resolved}. */
interface LedgerSource {

    /** @throws LedgerUnavailableException while the store is not ready (start-up, restoration) */
    List<ComplaintResolved> resolutions();

    final class LedgerUnavailableException extends RuntimeException {
        LedgerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
