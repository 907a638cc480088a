package com.makeitright.cli.stack;

/** The local stack refused or failed to do what was asked; the message says why, for a person. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
