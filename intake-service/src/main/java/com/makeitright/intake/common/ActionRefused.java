package com.makeitright.intake.common;

import org.springframework.http.HttpStatus;

/**
 * A request the caller may not make as it stands, whatever the complaint's state: beyond the caller's authority
 * (403) or with a cost the agreed offer does not allow (422). Nothing was published.
 */
public class ActionRefused extends RuntimeException {

    public enum Reason {
        /** The offer needs a higher approval authority than the caller's roles give. */
        BEYOND_AUTHORITY(HttpStatus.FORBIDDEN),
        /** A supervisor may not approve a counter they posted themselves. */
        OWN_COUNTER(HttpStatus.FORBIDDEN),
        /** The actual cost is not in the agreed offer's currency. */
        COST_CURRENCY(HttpStatus.UNPROCESSABLE_CONTENT),
        /** The actual cost exceeds the agreed cost by more than the tolerance, and the caller is no supervisor. */
        COST_ABOVE_TOLERANCE(HttpStatus.UNPROCESSABLE_CONTENT);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }

    private final Reason reason;

    public ActionRefused(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
