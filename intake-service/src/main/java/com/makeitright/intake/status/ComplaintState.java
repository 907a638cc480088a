package com.makeitright.intake.status;

import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintContactAdded;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.CustomerNotified;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.NotificationKind;
import com.makeitright.events.NotificationOutcome;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResponseDecision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A complaint folded from its events, in the order the view learned them: a pure function of that list, so
 * a restarted intake that re-reads the topics arrives at the same state. The current round (the latest
 * {@code ComplaintReceived}) decides stage, triage, offers and resolution; earlier rounds stay in
 * {@link #events()}. Offers follow the negotiation rules of docs/architecture.md: the latest OPEN or
 * PENDING_APPROVAL offer is open until it is answered or decided; an offer is agreed when remedy published it
 * AGREED or the customer accepted it, and stays agreed until it is fulfilled.
 */
public final class ComplaintState {

    /**
     * A scheduled check of the current or an earlier round, and its answer once given. {@code closedWithoutAnswer}:
     * followup's {@code SATISFACTION_NO_ANSWER} that closed an unanswered satisfaction check (an answer that still
     * arrives wins: the customer's word over a timer).
     */
    public record FollowUp(FollowUpDue due, FollowUpCompleted completed, FollowUpDue closedWithoutAnswer) {
        public FollowUp(FollowUpDue due, FollowUpCompleted completed) {
            this(due, completed, null);
        }

        public boolean isSatisfactionCheck() {
            return due.getKind() == FollowUpKind.SATISFACTION_CHECK;
        }

        /** Neither answered nor closed as no answer. */
        public boolean awaitsAnswer() {
            return completed == null && closedWithoutAnswer == null;
        }
    }

    private final String complaintId;
    private final List<RecordedEvent> events;
    private final ComplaintReceived firstReceived;
    private final ComplaintReceived received;
    private final int round;
    private Stage stage;
    private ComplaintAcknowledged triage;
    private AcknowledgementApproved acknowledgementApproval;
    private CustomerNotified acknowledgementSent;
    private final Map<String, RemedyOffered> offers = new LinkedHashMap<>();
    private RemedyOffered latestOffer;
    private RemedyOffered openOffer;
    private RemedyOffered agreedOffer;
    private final Map<String, RemedyResponded> responses = new LinkedHashMap<>();
    private final Map<String, RemedyApprovalDecided> approvals = new LinkedHashMap<>();
    private final Map<String, RemedyFulfilled> fulfillments = new LinkedHashMap<>();
    private final List<RecordedEvent> negotiation = new ArrayList<>();
    private ComplaintResolved resolution;
    private final List<FollowUp> followUps = new ArrayList<>();
    private final List<ComplaintContactAdded> repeatContacts = new ArrayList<>();

    private ComplaintState(String complaintId, List<RecordedEvent> events, ComplaintReceived firstReceived,
                           ComplaintReceived received) {
        this.complaintId = complaintId;
        this.events = events;
        this.firstReceived = firstReceived;
        this.received = received;
        this.round = received.getRound();
        this.stage = round > 1 || received.getReopenedFrom() != null ? Stage.REOPENED : Stage.RECEIVED;
    }

    /**
     * Folds a complaint's events; empty when none of them is a {@code ComplaintReceived} (the complaint is
     * unknown). Repeated events (same event id) count once.
     */
    public static Optional<ComplaintState> fold(String complaintId, List<RecordedEvent> history) {
        List<RecordedEvent> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RecordedEvent event : history) {
            if (seen.add(event.eventId())) {
                events.add(event);
            }
        }
        ComplaintReceived first = null;
        ComplaintReceived current = null;
        for (RecordedEvent recorded : events) {
            if (recorded.event() instanceof ComplaintReceived received) {
                if (first == null || received.getRound() < first.getRound()) {
                    first = received;
                }
                // A round is opened once; a repeated ComplaintReceived of the same round changes nothing.
                if (current == null || received.getRound() > current.getRound()) {
                    current = received;
                }
            }
        }
        if (current == null) {
            return Optional.empty();
        }
        ComplaintState state = new ComplaintState(complaintId, Collections.unmodifiableList(events), first, current);
        for (RecordedEvent recorded : events) {
            if (recorded.round() == state.round) {
                state.apply(recorded);
            }
            if (recorded.event() instanceof FollowUpDue due) {
                state.followUps.add(new FollowUp(due, null));
                if (due.getKind() == FollowUpKind.SATISFACTION_NO_ANSWER) {
                    state.closeWithoutAnswer(due);
                }
            } else if (recorded.event() instanceof FollowUpCompleted completed) {
                state.complete(completed);
            }
        }
        state.settleFollowUpStage();
        return Optional.of(state);
    }

    private void apply(RecordedEvent recorded) {
        Object event = recorded.event();
        if (event instanceof ComplaintAcknowledged acknowledged) {
            triage = acknowledged;
            if (stage == Stage.RECEIVED || stage == Stage.REOPENED) {
                stage = Stage.ACKNOWLEDGED;
            }
        } else if (event instanceof ComplaintContactAdded contact) {
            repeatContacts.add(contact);
        } else if (event instanceof AcknowledgementApproved approved) {
            if (acknowledgementApproval == null) { // the first one is what the customer reads; the worker sends once
                acknowledgementApproval = approved;
            }
        } else if (event instanceof CustomerNotified notified) {
            if (acknowledgementSent == null && notified.getKind() == NotificationKind.ACKNOWLEDGEMENT
                    && notified.getOutcome() == NotificationOutcome.SENT) { // the worker sends one per round
                acknowledgementSent = notified;
            }
        } else if (event instanceof RemedyOffered offer) {
            negotiation.add(recorded);
            offers.put(offer.getOfferId(), offer);
            latestOffer = offer;
            if (resolution != null) {
                return; // a late offer does not reopen a resolved round
            }
            if (offer.getStatus() == OfferStatus.AGREED) {
                agreedOffer = offer;
                openOffer = null;
                stage = Stage.AGREED;
            } else {
                openOffer = offer;
                stage = offer.getStatus() == OfferStatus.PENDING_APPROVAL ? Stage.AWAITING_APPROVAL : Stage.OFFERED;
            }
        } else if (event instanceof RemedyResponded response) {
            negotiation.add(recorded);
            responses.put(response.getOfferId(), response);
            if (openOffer != null && openOffer.getOfferId().equals(response.getOfferId())
                    && openOffer.getStatus() == OfferStatus.OPEN) {
                if (response.getDecision() == ResponseDecision.ACCEPT) {
                    agreedOffer = openOffer;
                    stage = Stage.AGREED;
                }
                openOffer = null;
            }
        } else if (event instanceof RemedyApprovalDecided decision) {
            negotiation.add(recorded);
            approvals.put(decision.getOfferId(), decision);
            if (openOffer != null && openOffer.getOfferId().equals(decision.getOfferId())
                    && openOffer.getStatus() == OfferStatus.PENDING_APPROVAL) {
                openOffer = null;
            }
        } else if (event instanceof RemedyFulfilled fulfilled) {
            negotiation.add(recorded);
            fulfillments.put(fulfilled.getOfferId(), fulfilled);
            if (agreedOffer != null && agreedOffer.getOfferId().equals(fulfilled.getOfferId())) {
                agreedOffer = null;
            }
        } else if (event instanceof ComplaintResolved resolved) {
            resolution = resolved;
            openOffer = null;
            agreedOffer = null;
            stage = Stage.RESOLVED;
        }
    }

    private void complete(FollowUpCompleted completed) {
        for (int i = followUps.size() - 1; i >= 0; i--) {
            FollowUp followUp = followUps.get(i);
            if (followUp.completed() == null && followUp.isSatisfactionCheck()
                    && (followUp.due().getEventId().equals(completed.getCausationId())
                    || followUp.due().getRound() == completed.getRound())) {
                followUps.set(i, new FollowUp(followUp.due(), completed, followUp.closedWithoutAnswer()));
                return;
            }
        }
    }

    /** Followup closed the round's unanswered satisfaction check: the {@code FollowUpDue} is the fact that does it. */
    private void closeWithoutAnswer(FollowUpDue noAnswer) {
        for (int i = followUps.size() - 1; i >= 0; i--) {
            FollowUp followUp = followUps.get(i);
            if (followUp.awaitsAnswer() && followUp.isSatisfactionCheck()
                    && followUp.due().getRound() == noAnswer.getRound()) {
                followUps.set(i, new FollowUp(followUp.due(), null, noAnswer));
                return;
            }
        }
    }

    /** After resolution the stage follows the current round's satisfaction check. */
    private void settleFollowUpStage() {
        if (resolution == null) {
            return;
        }
        for (FollowUp followUp : currentRoundFollowUps()) {
            if (!followUp.isSatisfactionCheck()) {
                continue;
            }
            if (followUp.completed() == null) {
                stage = followUp.closedWithoutAnswer() == null ? Stage.FOLLOW_UP_DUE : Stage.CLOSED;
            } else {
                stage = followUp.completed().getSatisfied() ? Stage.CLOSED : Stage.REOPENED;
            }
        }
    }

    public String complaintId() {
        return complaintId;
    }

    public Stage stage() {
        return stage;
    }

    /** The current round: 1, then +1 per reopen. */
    public int round() {
        return round;
    }

    /** The ComplaintReceived that opened the current round. */
    public ComplaintReceived received() {
        return received;
    }

    /** The ComplaintReceived of the first round (it carries the request's Idempotency-Key). */
    public ComplaintReceived firstReceived() {
        return firstReceived;
    }

    public Optional<ComplaintAcknowledged> triage() {
        return Optional.ofNullable(triage);
    }

    /** An agent's approval of the current round's acknowledgement (the words the customer reads). */
    public Optional<AcknowledgementApproved> acknowledgementApproval() {
        return Optional.ofNullable(acknowledgementApproval);
    }

    /**
     * The follow-up worker's record that the customer got the current round's acknowledgement by mail: caused by
     * triage's {@code ComplaintAcknowledged} when it went out without review, by the approval otherwise.
     */
    public Optional<CustomerNotified> acknowledgementSent() {
        return Optional.ofNullable(acknowledgementSent);
    }

    /** The offer that waits for the customer's answer (OPEN) or a supervisor's decision (PENDING_APPROVAL). */
    public Optional<RemedyOffered> openOffer() {
        return Optional.ofNullable(openOffer);
    }

    /** The agreed offer that waits for fulfillment. */
    public Optional<RemedyOffered> agreedOffer() {
        return Optional.ofNullable(agreedOffer);
    }

    /** The last offer of the current round, whatever became of it. */
    public Optional<RemedyOffered> latestOffer() {
        return Optional.ofNullable(latestOffer);
    }

    public Optional<RemedyOffered> offer(String offerId) {
        return Optional.ofNullable(offers.get(offerId));
    }

    /** The answer published as this event (a counter offer names the counter it answers by its event id). */
    public Optional<RemedyResponded> responseWithEventId(String eventId) {
        return responses.values().stream().filter(r -> r.getEventId().equals(eventId)).findFirst();
    }

    public Optional<RemedyResponded> responseTo(String offerId) {
        return Optional.ofNullable(responses.get(offerId));
    }

    public Optional<RemedyApprovalDecided> approvalOf(String offerId) {
        return Optional.ofNullable(approvals.get(offerId));
    }

    public Optional<RemedyFulfilled> fulfillmentOf(String offerId) {
        return Optional.ofNullable(fulfillments.get(offerId));
    }

    /** The current round's offers, responses, approvals and fulfillments, in order. */
    public List<RecordedEvent> negotiation() {
        return Collections.unmodifiableList(negotiation);
    }

    public Optional<ComplaintResolved> resolution() {
        return Optional.ofNullable(resolution);
    }

    /** Every round's follow-ups, in order. */
    public List<FollowUp> followUps() {
        return Collections.unmodifiableList(followUps);
    }

    public List<FollowUp> currentRoundFollowUps() {
        return followUps.stream().filter(f -> f.due().getRound() == round).toList();
    }

    /** The current round's repeat contacts (the customer wrote again about this case), in order. */
    public List<ComplaintContactAdded> repeatContacts() {
        return Collections.unmodifiableList(repeatContacts);
    }

    /**
     * How many times the customer wrote about the case in the current round: 1, plus the repeat contacts. The
     * highest contact number counts (intake numbers each from the view, so a copy of an event changes nothing).
     */
    public int contacts() {
        return repeatContacts.stream().mapToInt(ComplaintContactAdded::getContactNumber).max().orElse(1);
    }

    /** Every event of every round, once each, in the order the view learned them. */
    public List<RecordedEvent> events() {
        return events;
    }

    /** The event that carried this event id, e.g. the RemedyOffered behind an offer. */
    public Optional<RecordedEvent> event(String eventId) {
        return events.stream().filter(e -> e.eventId().equals(eventId)).findFirst();
    }
}
