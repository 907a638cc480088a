package com.makeitright.triage.classify;

import com.makeitright.events.Channel;
import com.makeitright.events.CustomerTier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the classifier reads: the customer's own words plus the few facts that change how they are read.
 *
 * @param orderAmount what the customer paid, or null when the complaint is not about an order
 * @param receivedOn  the day the complaint came in (event time), for history that depends on dates; may be null
 */
public record ComplaintText(String subject, String description, String desiredOutcome, Channel channel,
                            CustomerTier tier, BigDecimal orderAmount, LocalDate receivedOn) {

    public ComplaintText {
        subject = subject == null ? "" : subject;
        description = description == null ? "" : description;
        channel = channel == null ? Channel.OTHER : channel;
        tier = tier == null ? CustomerTier.STANDARD : tier;
    }
}
