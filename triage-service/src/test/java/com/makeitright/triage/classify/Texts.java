package com.makeitright.triage.classify;

import com.makeitright.events.Channel;
import com.makeitright.events.CustomerTier;
import com.makeitright.testing.ComplaintRequest;

import java.time.LocalDate;

/** Typed complaint texts for classifier tests. */
public final class Texts {

    public static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private Texts() {
    }

    public static ComplaintText email(String subject, String description) {
        return new ComplaintText(subject, description, null, Channel.EMAIL, CustomerTier.STANDARD, null, TODAY);
    }

    public static ComplaintText of(ComplaintRequest request) {
        return new ComplaintText(request.subject(), request.description(), request.desiredOutcome(),
                Channel.valueOf(request.channel()),
                request.customer().tier() == null ? CustomerTier.STANDARD : CustomerTier.valueOf(request.customer().tier()),
                request.order() == null ? null : request.order().amount(), TODAY);
    }
}
