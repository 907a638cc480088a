package com.makeitright.intake.submission;

import com.makeitright.events.ComplaintReceived;
import com.makeitright.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Two sendings of one request have one fingerprint; a different request has another. */
class RequestFingerprintTest {

    @Test
    void ignoresWhatDiffersBetweenSendingsOfTheSameRequest() {
        ComplaintReceived first = Events.received("c-1").setIdempotencyKey("k").build();
        ComplaintReceived again = ComplaintReceived.newBuilder(first).setEventId(Events.newId())
                .setOccurredAt(Instant.parse("2030-01-01T00:00:00Z")).setIdempotencyKey(null).build();

        assertThat(RequestFingerprint.of(again)).isEqualTo(RequestFingerprint.of(first));
    }

    @Test
    void differsWhenTheComplaintDiffers() {
        ComplaintReceived first = Events.received("c-1").build();

        assertThat(RequestFingerprint.of(ComplaintReceived.newBuilder(first).setSubject("Other").build()))
                .isNotEqualTo(RequestFingerprint.of(first));
        assertThat(RequestFingerprint.of(ComplaintReceived.newBuilder(first).setDesiredOutcome(null).build()))
                .isNotEqualTo(RequestFingerprint.of(first));
    }

    @Test
    void aKeyAlwaysNamesTheSameComplaint() {
        assertThat(IdempotencyKeys.complaintId("abc")).isEqualTo(IdempotencyKeys.complaintId("abc"))
                .isNotEqualTo(IdempotencyKeys.complaintId("abd"));
    }
}
