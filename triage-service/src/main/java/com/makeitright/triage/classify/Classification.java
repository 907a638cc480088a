package com.makeitright.triage.classify;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.RootCause;

import java.util.List;

/**
 * The classifier's verdict with the evidence behind it.
 *
 * @param reviewReasons why a human should check it; empty when triage is confident
 * @param keyPhrase     the customer's own sentence that best names what went wrong (for the acknowledgement)
 * @param runnerUp      the second most likely cause, with {@code runnerUpConfidence} on the same scale as
 *                      {@code causeConfidence}: remedy weighs both when the two are close
 * @param language      the language it is written in (ISO 639-1, or {@code und-<Script>}); {@code en} when English
 */
public record Classification(Cause cause, double causeConfidence, Anger anger, double angerConfidence,
                             List<Evidence> signals, RootCause rootCause, List<String> reviewReasons,
                             String keyPhrase, Cause runnerUp, double runnerUpConfidence, String language) {

    public boolean reviewNeeded() {
        return !reviewReasons.isEmpty();
    }

    /** Written in English: only then does triage draft the cause-specific acknowledgement itself. */
    public boolean english() {
        return language.equals("en");
    }

    public boolean has(String signal) {
        return signals.stream().anyMatch(e -> e.signal().equals(signal));
    }
}
