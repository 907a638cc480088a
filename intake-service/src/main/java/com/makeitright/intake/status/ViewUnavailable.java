package com.makeitright.intake.status;

/** The status view cannot answer now (starting, catching up with the topics, or rebalancing): HTTP 503. */
public class ViewUnavailable extends RuntimeException {

    public ViewUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
