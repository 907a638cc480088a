package com.makeitright.followup.schedule;

import java.util.Optional;

/** One decision of the {@link FollowUpPlanner} about one check; applied to what the store holds under its key. */
sealed interface FollowUpChange {

    FollowUpKey key();

    /** The entry to store instead of {@code current} (null when absent), or empty when nothing changes. */
    Optional<FollowUp> applyTo(FollowUp current);

    /** Watch this; a key that is already known (scheduled, fired or closed) stays as it is. */
    record Schedule(FollowUp followUp) implements FollowUpChange {
        @Override
        public FollowUpKey key() {
            return followUp.key();
        }

        @Override
        public Optional<FollowUp> applyTo(FollowUp current) {
            return current == null ? Optional.of(followUp) : Optional.empty();
        }
    }

    /** What the check watches happened: cancel it, or clear the escalation it raised. */
    record Close(FollowUpKey key, int round, FollowUp.Closing closing) implements FollowUpChange {
        @Override
        public Optional<FollowUp> applyTo(FollowUp current) {
            return current == null
                    ? Optional.of(FollowUp.closedBeforeScheduled(key, round, closing))
                    : current.closed(closing);
        }
    }

    /**
     * As {@link Close}, but only a check that is known: what it watches can no longer happen, so there is nothing to
     * remember for a check never scheduled (a resolution and its round's acknowledgement check).
     */
    record CloseKnown(FollowUpKey key, FollowUp.Closing closing) implements FollowUpChange {
        @Override
        public Optional<FollowUp> applyTo(FollowUp current) {
            return current == null ? Optional.empty() : current.closed(closing);
        }
    }

    /** The round's no-answer check fired: its satisfaction check is closed as no answer (nothing if never asked). */
    record NoAnswer(FollowUpKey key, FollowUp.Closing closing) implements FollowUpChange {
        @Override
        public Optional<FollowUp> applyTo(FollowUp current) {
            return current == null ? Optional.empty() : current.unanswered(closing);
        }
    }

    /** The customer answered the satisfaction check. */
    record Answer(FollowUpKey key, int round, SatisfactionAnswer answer) implements FollowUpChange {
        @Override
        public Optional<FollowUp> applyTo(FollowUp current) {
            return current == null
                    ? Optional.of(FollowUp.answeredBeforeScheduled(key, round, answer))
                    : current.answered(answer);
        }
    }
}
