package com.makeitright.followup.schedule;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.RootCause;

import java.time.Instant;
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
 * @param offers         the offers of rounds not resolved yet, by offer id (a resolution forgets its round's
 *                       offers: nothing is watched for a resolved round)
 * @param purgeAt        when the file and its checks are purged unless another event comes first; null until set
 *
 * Size: bounded whatever the number of rounds: the last {@link #REMEMBERED_ROUNDS} resolved rounds (every round
 * before a resolved one is resolved: a case reopens only after it was resolved) and the open round's offers
 * (at most the negotiation's max rounds plus approvals).
 */
public record ComplaintFile(String complaintId, String customerId, CustomerContact contact, int round, Cause cause,
                            Anger anger, RootCause suspectedRootCause, Resolution resolution,
                            List<Integer> resolvedRounds, Map<String, OfferTerms> offers, Instant purgeAt) {

    static final int REMEMBERED_ROUNDS = 8;

    public ComplaintFile {
        resolvedRounds = resolvedRounds == null ? List.of() : List.copyOf(resolvedRounds);
        offers = offers == null ? Map.of() : Map.copyOf(offers);
    }

    static ComplaintFile empty(String complaintId) {
        return new ComplaintFile(complaintId, null, null, 0, null, null, null, null, List.of(), Map.of(), null);
    }

    boolean isResolved(int round) {
        return resolvedRounds.contains(round) || (!resolvedRounds.isEmpty() && round < resolvedRounds.get(0));
    }

    /** The latest round seen is resolved (whether checks of it are still open is the schedule's to say). */
    boolean latestRoundResolved() {
        return resolution != null && resolution.round() >= round;
    }

    ComplaintFile withPurgeAt(Instant at) {
        return new ComplaintFile(complaintId, customerId, contact, round, cause, anger, suspectedRootCause, resolution,
                resolvedRounds, offers, at);
    }

    ComplaintFile withContact(String customerId, CustomerContact contact, int round) {
        return new ComplaintFile(complaintId, customerId, contact, Math.max(this.round, round), cause, anger,
                suspectedRootCause, resolution, resolvedRounds, offers, purgeAt);
    }

    /** Triage's view; an older round's acknowledgement arriving late does not overwrite a newer one. */
    ComplaintFile withTriage(int round, String customerId, Cause cause, Anger anger, RootCause suspectedRootCause) {
        if (round < this.round && this.cause != null) {
            return this;
        }
        return new ComplaintFile(complaintId, this.customerId == null ? customerId : this.customerId, contact,
                Math.max(this.round, round), cause, anger, suspectedRootCause, resolution, resolvedRounds, offers,
                purgeAt);
    }

    ComplaintFile withOffer(OfferTerms terms) {
        Map<String, OfferTerms> next = new LinkedHashMap<>(offers);
        next.put(terms.offerId(), terms);
        return new ComplaintFile(complaintId, customerId, contact, Math.max(round, terms.round()), cause, anger,
                suspectedRootCause, resolution, resolvedRounds, next, purgeAt);
    }

    ComplaintFile withResolution(Resolution resolved, String customerId) {
        TreeSet<Integer> rounds = new TreeSet<>(resolvedRounds);
        rounds.add(resolved.round());
        while (rounds.size() > REMEMBERED_ROUNDS) {
            rounds.pollFirst();
        }
        Resolution latest = resolution == null || resolution.round() <= resolved.round() ? resolved : resolution;
        Map<String, OfferTerms> open = new LinkedHashMap<>();
        offers.forEach((id, terms) -> {
            if (terms.round() > resolved.round()) {
                open.put(id, terms);
            }
        });
        return new ComplaintFile(complaintId, this.customerId == null ? customerId : this.customerId, contact,
                Math.max(round, resolved.round()), cause, anger, suspectedRootCause, latest, List.copyOf(rounds),
                open, purgeAt);
    }
}
