package com.makeitright.triage.acknowledge;

import com.makeitright.events.Channel;
import com.makeitright.events.CustomerTier;
import com.makeitright.triage.classify.ComplaintText;
import com.makeitright.triage.classify.History;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A fixed clock and typed complaints for triage tests. */
final class TriageFixtures {

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private TriageFixtures() {
    }

    static Triage triage() {
        return new Triage(AcknowledgeDeadlines.DEFAULTS, CLOCK);
    }

    static Complaint complaint(String description, Channel channel, CustomerTier tier) {
        return new Complaint("c-1", 1, new ComplaintText("Complaint", description, null, channel, tier, null,
                LocalDate.of(2026, 3, 10)), History.NONE, null);
    }

    static Complaint email(String description) {
        return complaint(description, Channel.EMAIL, CustomerTier.STANDARD);
    }
}
