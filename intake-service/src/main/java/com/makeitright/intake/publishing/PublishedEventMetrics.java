package com.makeitright.intake.publishing;

import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.FollowUpCompleted;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;

/**
 * What intake counts once the broker acknowledged an event (docs/operations.md lists the names): complaints received,
 * by channel, complaints reopened by an unhappy follow-up (a {@code ComplaintReceived} with {@code reopenedFrom}),
 * and follow-ups answered by the customer, by satisfaction and score (1–5: a bounded set of tags).
 * Counted here, in the publisher, because only an acknowledged event was accepted; a refused or failed request
 * counts nothing.
 */
final class PublishedEventMetrics {

    static final String RECEIVED = "makeitright.complaints.received";
    static final String REOPENED = "makeitright.complaints.reopened";
    static final String ANSWERED = "makeitright.followups.answered";

    private final MeterRegistry meters;

    PublishedEventMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void published(SpecificRecord event) {
        if (event instanceof ComplaintReceived received) {
            if (received.getReopenedFrom() == null) {
                meters.counter(RECEIVED, "channel", received.getChannel().name()).increment();
            } else {
                meters.counter(REOPENED, "channel", received.getChannel().name()).increment();
            }
        } else if (event instanceof FollowUpCompleted answer) {
            meters.counter(ANSWERED, "satisfied", String.valueOf(answer.getSatisfied()),
                    "score", String.valueOf(answer.getScore())).increment();
        }
    }
}
