package com.makeitright.cli.simulate;

import java.util.List;
import java.util.Map;

/**
 * What a simulation found. {@code stageLatencies} are computed from the status views' event timestamps (each
 * event against the event that caused it), {@code endToEnd} from the first event to the last of each closed
 * complaint; {@code throughputPerSecond} is closed complaints per second of wall time from the first POST to
 * the last close.
 */
public record SimulationSummary(long seed, int requested, int posted, int accepted, int completed, int reopened,
                                int rejectedAsInvalid, List<Stuck> stuck, List<Failure> failures,
                                int idempotentRetries, int idempotentRetriesVerified, int conflicts,
                                Map<String, Percentiles> stageLatencies, Percentiles endToEnd,
                                double elapsedSeconds, double throughputPerSecond, MailAnswers mailAnswers,
                                List<Complaint> complaints) {

    /**
     * With {@code --via-mail} (else null): customers' answers (offers and satisfaction checks) given by a mail's link,
     * given by the API because no mail with the link came within the wait, and by the API because the customer gave
     * no e-mail address.
     */
    public record MailAnswers(int viaMail, int noMailInTime, int withoutAddress) {
    }

    /**
     * A complaint that did not close in time, with the last stage it was seen in and its journey's requests
     * ({@code "12 requests, last: POST 503"}).
     */
    public record Stuck(String complaintId, int index, String lastStage, int round, String lastAnswer) {
    }

    /** A broken promise of the API. */
    public record Failure(String complaintId, int index, String problem) {
    }

    /** Every complaint posted: id (null when rejected), outcome and rounds. */
    public record Complaint(int index, String complaintId, String outcome, int rounds, String cause, String anger,
                            String channel) {
    }

    /** Nothing got stuck, nothing broke the contract. */
    public boolean succeeded() {
        return stuck.isEmpty() && failures.isEmpty();
    }
}
