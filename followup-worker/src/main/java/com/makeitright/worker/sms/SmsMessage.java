package com.makeitright.worker.sms;

/**
 * One text message: the number as the customer gave it (personal data: never log it whole), the text, and an id
 * derived from the message's sent-log key, the same for any copy (a provider that takes an idempotency key can use
 * it).
 */
public record SmsMessage(String to, String text, String id) {

    @Override
    public String toString() { // never the number or the text
        return "SmsMessage[to=" + LoggingSmsSender.mask(to) + ", " + text.length() + " characters, id=" + id + "]";
    }
}
