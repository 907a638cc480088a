package com.makeitright.worker.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS "provider" when none is plugged in: sends nothing, logs that a text was due, with the number masked (all
 * but its last two digits) and the text's length, never the number or the text (they are personal data).
 */
public final class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);
    private static final int SHOWN_DIGITS = 2;

    @Override
    public Outcome send(SmsMessage message) {
        log.info("SMS {} to {}: {} characters (logging sender: nothing was sent; plug a provider, "
                + "docs/follow-up-worker.md)", message.id(), mask(message.to()), message.text().length());
        return Outcome.taken();
    }

    /** {@code +44 20 7946 0018} → {@code ********18}: every digit but the last two masked, the rest left out. */
    public static String mask(String number) {
        if (number == null) {
            return "<none>";
        }
        String digits = number.replaceAll("\\D", "");
        if (digits.length() <= SHOWN_DIGITS) {
            return "*".repeat(digits.length());
        }
        return "*".repeat(digits.length() - SHOWN_DIGITS) + digits.substring(digits.length() - SHOWN_DIGITS);
    }
}
