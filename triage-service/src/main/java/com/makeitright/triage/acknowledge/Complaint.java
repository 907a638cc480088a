package com.makeitright.triage.acknowledge;

import com.makeitright.triage.classify.ComplaintText;
import com.makeitright.triage.classify.History;

/**
 * A complaint round as triage sees it.
 *
 * @param round  1 for a new complaint, 2 and up after a reopen
 * @param reopen what the customer said when the previous round was reopened; null on round 1
 */
public record Complaint(String complaintId, int round, ComplaintText text, History history, Reopen reopen) {

    /** The unhappy follow-up that reopened the case. */
    public record Reopen(int previousRound, Integer score, String comment) {
    }

    public boolean reopened() {
        return round >= 2 || reopen != null;
    }
}
