package com.makeitright.triage.acknowledge;

import com.makeitright.events.Priority;
import com.makeitright.triage.classify.Classification;

import java.time.Instant;
import java.util.List;

/**
 * Everything triage decided about one complaint round: the classification, how urgent it is, how to handle
 * the conversation, and the acknowledgement the customer receives.
 *
 * @param priorityReasons why this priority, in plain words
 * @param reviewReasons   the classifier's doubts plus anything else a person must check (e.g. do-not-serve)
 */
public record TriageDecision(Classification classification, Priority priority, List<String> priorityReasons,
                             Instant acknowledgeBy, List<Advice> handlingAdvice, String acknowledgementText,
                             List<String> reviewReasons) {

    public boolean reviewNeeded() {
        return !reviewReasons.isEmpty();
    }
}
