package com.makeitright.triage.acknowledge;

import com.makeitright.triage.classify.Classification;
import com.makeitright.triage.classify.Classifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Triage of one complaint round: classify it, set priority and deadline, advise the agent and write the
 * acknowledgement. Plain Java; the stream topology and the offline runner both call it.
 */
public final class Triage {

    private final Classifier classifier = new Classifier();
    private final PriorityPolicy priorities;
    private final HandlingAdvisor advisor = new HandlingAdvisor();
    private final AcknowledgementWriter writer = new AcknowledgementWriter();
    private final Clock clock;

    public Triage(AcknowledgeDeadlines deadlines, Clock clock) {
        this.priorities = new PriorityPolicy(deadlines);
        this.clock = clock;
    }

    public TriageDecision decide(Complaint complaint) {
        Classification c = classifier.classify(complaint.text(), complaint.history());
        Instant now = clock.instant();
        PriorityPolicy.Decision priority = priorities.decide(c, complaint.text().channel(), complaint.text().tier(),
                complaint.reopened(), now);
        List<String> review = new ArrayList<>(c.reviewReasons());
        boolean doNotServe = complaint.history() != null && complaint.history().doNotServe();
        if (doNotServe) {
            review.add("The business decided earlier not to serve this customer again; a supervisor should decide"
                    + " how to handle this complaint.");
        }
        List<Advice> advice = advisor.advise(c, complaint.text().channel(), complaint.reopened(), doNotServe,
                c.reviewReasons());
        String text = writer.write(c, complaint, Duration.between(now, priority.acknowledgeBy()), review);
        return new TriageDecision(c, priority.priority(), priority.reasons(), priority.acknowledgeBy(), advice, text,
                List.copyOf(review));
    }
}
