package com.makeitright.intake.status;

/**
 * The status view cannot answer now (starting, catching up with the topics, rebalancing, or so far behind this
 * instance's own writes that the overlay of unapplied events is full): HTTP 503, nothing published.
 */
public class ViewUnavailable extends RuntimeException {

    public ViewUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
