package com.makeitright.contract;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes could not be turned into an event: not single-object encoded, written with a schema
 * that is not in the history, or corrupt. Consumers route such records to the topic's dead-letter topic;
 * they are never dropped silently.
 */
public class EventDecodingException extends SerializationException {

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventDecodingException(String message) {
        super(message);
    }
}
