package com.makeitright.worker.notify;

import java.time.Instant;

/**
 * One message of the sent-log: {@code SENT} (the SMTP server or SMS provider took it; never sent again while the
 * entry is kept), {@code REJECTED} (refused for good; kept as the record of the failure, a copy of the event tries
 * again since nobody received anything) or {@code SUPPRESSED} (the customer is marked do-not-contact; a copy of the
 * event records nothing more while the mark holds, and is sent once it was lifted).
 */
record SentEntry(Outcome outcome, Instant at, String detail) {

    enum Outcome { SENT, REJECTED, SUPPRESSED }

    boolean blocksResend() {
        return outcome == Outcome.SENT;
    }
}
