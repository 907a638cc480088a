package com.makeitright.intake.publishing;

/** The broker did not acknowledge an event; the request that wanted it answers 503 and may be retried. */
public class PublishFailed extends RuntimeException {

    public PublishFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
