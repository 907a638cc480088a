package com.makeitright.followup.schedule;

import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyKind;

import java.time.Instant;

/**
 * What followup remembers of an offer to watch it: its deadlines, and whether the customer accepted it. An
 * acceptance that arrives before the offer itself is remembered with {@code eventId} null until the offer
 * is seen.
 *
 * @param eventId    the {@code RemedyOffered} event, null while only the acceptance is known
 * @param acceptedBy the {@code RemedyResponded} ACCEPT event, if accepted
 */
public record OfferTerms(String offerId, int round, String eventId, OfferStatus status, RemedyKind kind,
                         String description, Instant offeredAt, Instant deliverBy, Instant approvalDueBy,
                         AuthorityLevel authorityLevel, String acceptedBy) {

    boolean isKnown() {
        return eventId != null;
    }

    /** The promise is watched once the customer accepted it or remedy published it agreed. */
    boolean isAgreed() {
        return status == OfferStatus.AGREED || acceptedBy != null;
    }

    boolean awaitsApproval() {
        return status == OfferStatus.PENDING_APPROVAL && acceptedBy == null;
    }

    OfferTerms acceptedBy(String responseEventId) {
        return new OfferTerms(offerId, round, eventId, status, kind, description, offeredAt, deliverBy,
                approvalDueBy, authorityLevel, responseEventId);
    }

    static OfferTerms acceptedBeforeSeen(String offerId, int round, String responseEventId) {
        return new OfferTerms(offerId, round, null, null, null, null, null, null, null, null, responseEventId);
    }
}
