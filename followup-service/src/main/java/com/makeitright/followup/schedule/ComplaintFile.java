package com.makeitright.followup.schedule;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.RootCause;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What followup knows of one complaint: who to contact, what triage found, the offers to watch and how its
 * rounds ended. Folded from the complaint's events; kept per complaint id in a changelogged store.
 *
 * @param contact        from the latest {@code ComplaintReceived}; null until it is seen
 * @param round          the latest round seen
 * @param cause          triage's cause of the latest round, null until acknowledged
 * @param resolution     how the latest resolved round ended, null until resolved
 * @param resolvedRounds every round that was resolved, so that late offers of a closed round are not watched
 * @param offers         the offers seen or accepted, by offer id
 */
public record ComplaintFile(String complaintId, String customerId, CustomerContact contact, int round, Cause cause,
                            Anger anger, RootCause suspectedRootCause, Resolution resolution,
                            List<Integer> resolvedRounds, Map<String, OfferTerms> offers) {

    public ComplaintFile {
        resolvedRounds = resolvedRounds == null ? List.of() : List.copyOf(resolvedRounds);
        offers = offers == null ? Map.of() : Map.copyOf(offers);
    }

    static ComplaintFile empty(String complaintId) {
        return new ComplaintFile(complaintId, null, null, 0, null, null, null, null, List.of(), Map.of());
    }

    boolean isResolved(int round) {
        return resolvedRounds.contains(round);
    }

    ComplaintFile withContact(String customerId, CustomerContact contact, int round) {
        return new ComplaintFile(complaintId, customerId, contact, Math.max(this.round, round), cause, anger,
                suspectedRootCause, resolution, resolvedRounds, offers);
    }

    /** Triage's view; an older round's acknowledgement arriving late does not overwrite a newer one. */
    ComplaintFile withTriage(int round, String customerId, Cause cause, Anger anger, RootCause suspectedRootCause) {
        if (round < this.round && this.cause != null) {
            return this;
        }
        return new ComplaintFile(complaintId, this.customerId == null ? customerId : this.customerId, contact,
                Math.max(this.round, round), cause, anger, suspectedRootCause, resolution, resolvedRounds, offers);
    }

    ComplaintFile withOffer(OfferTerms terms) {
        Map<String, OfferTerms> next = new LinkedHashMap<>(offers);
        next.put(terms.offerId(), terms);
        return new ComplaintFile(complaintId, customerId, contact, Math.max(round, terms.round()), cause, anger,
                suspectedRootCause, resolution, resolvedRounds, next);
    }

    ComplaintFile withResolution(Resolution resolved, String customerId) {
        TreeSet<Integer> rounds = new TreeSet<>(resolvedRounds);
        rounds.add(resolved.round());
        Resolution latest = resolution == null || resolution.round() <= resolved.round() ? resolved : resolution;
        return new ComplaintFile(complaintId, this.customerId == null ? customerId : this.customerId, contact,
                Math.max(round, resolved.round()), cause, anger, suspectedRootCause, latest, List.copyOf(rounds),
                offers);
    }
}
