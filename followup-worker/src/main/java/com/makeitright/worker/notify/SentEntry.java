package com.makeitright.worker.notify;

import java.time.Instant;

/**
 * One mail of the sent-log: {@code SENT} (the SMTP server took it; never sent again while the entry is kept) or
 * {@code REJECTED} (the server refused it for good; kept as the record of the failure, a copy of the event tries
 * again since nobody received anything).
 */
record SentEntry(Outcome outcome, Instant at, String detail) {

    enum Outcome { SENT, REJECTED }

    boolean blocksResend() {
        return outcome == Outcome.SENT;
    }
}
