package com.makeitright.followup.dashboard;

import com.makeitright.contract.RepeatContacts;
import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintContactAdded;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.CustomerNotified;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.HandlingAdvice;
import com.makeitright.events.Money;
import com.makeitright.events.NotificationKind;
import com.makeitright.events.NotificationOutcome;
import com.makeitright.events.Priority;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One complaint as the dashboard shows it, folded from its events on every topic. Every list in it is capped
 * (constants below), and free text is cut, so a file stays within ~25 KB whatever the complaint did.
 */
final class CaseFile {

    static final int MAX_TIMELINE = 40;
    static final int MAX_OFFERS = 6;
    static final int MAX_ANSWERS = 12;
    static final int MAX_FOLLOW_UPS = 8;
    static final int MAX_SIGNALS = 20;
    static final int MAX_ADVICE = 8;
    static final int MAX_TEXT = 2000;
    static final int MAX_LINE = 300;

    /** Stages in the order a round passes them; a late event of an earlier stage does not move a case back. */
    enum Stage {
        RECEIVED(0), REOPENED(0), ACKNOWLEDGED(1), OFFERED(2), AWAITING_APPROVAL(2), AGREED(3), RESOLVED(4),
        FOLLOW_UP_DUE(5), CLOSED(6);

        final int rank;

        Stage(int rank) {
            this.rank = rank;
        }

        boolean open() {
            return rank < RESOLVED.rank;
        }
    }

    record Signal(String signal, String evidence, double weight, String indicates) { }

    record Advice(String code, String text) { }

    record Factor(String name, String value, String effect) { }

    record Amount(BigDecimal amount, String currency) {
        static Amount of(Money money) {
            return money == null ? null : new Amount(money.getAmount(), money.getCurrency());
        }
    }

    record Offer(String offerId, long at, int negotiationRound, String status, String kind, String description,
                 Amount amount, Amount estimatedCost, Amount costOfInaction, List<Factor> factors, String summary,
                 String openQuestion, long expiresAt, long deliverBy, boolean approvalRequired, String authorityLevel,
                 Long approvalDueBy, String approvedBy) { }

    record Answer(long at, String type, String offerId, String decision, String by, String note) { }

    record Fulfillment(long at, String offerId, String kind, String reference, String fulfilledBy, Amount actualCost,
                       String note) { }

    record Resolution(long at, String outcome, String remedyKind, Amount cost, String cause, String rootCause) { }

    /** A follow-up or escalation; {@code open} until what clears it arrives. */
    static final class FollowUp {
        final String kind;
        final long dueAt;
        final String reason;
        boolean open = true;
        Boolean satisfied;
        Integer score;
        String comment;

        FollowUp(String kind, long dueAt, String reason) {
            this.kind = kind;
            this.dueAt = dueAt;
            this.reason = reason;
        }
    }

    record Entry(long at, String event, String by, String summary) { }

    final String complaintId;
    int round;
    Stage stage = Stage.RECEIVED;
    long receivedAt;
    boolean receivedCounted;
    long lastEventAt;
    Long closedAt;
    String subject = "";
    String description = "";
    String channel;
    String customerId;
    String tier;
    // what triage saw (latest acknowledgement)
    String cause;
    double causeConfidence;
    String anger;
    double angerConfidence;
    String priority; // triage's; shownPriority() adds the repeat contacts
    Long acknowledgeBy;
    Long acknowledgedAt;
    final List<Signal> signals = new ArrayList<>();
    final List<Advice> advice = new ArrayList<>();
    String acknowledgementText;
    boolean reviewNeeded;
    final List<String> reviewReasons = new ArrayList<>();
    String suspectedRootCause;
    int complaintsLast12Months;
    boolean doNotServe;
    /** How many times the customer wrote about the case in this round (1 + repeat contacts). */
    int contacts = 1;
    // the round's course
    Long firstOfferedAt;
    final Deque<Offer> offers = new ArrayDeque<>();
    final Deque<Answer> answers = new ArrayDeque<>();
    Fulfillment fulfillment;
    Resolution resolution;
    final Deque<FollowUp> followUps = new ArrayDeque<>();
    final Deque<Entry> timeline = new ArrayDeque<>();

    CaseFile(String complaintId) {
        this.complaintId = complaintId;
    }

    boolean open() {
        return stage.open();
    }

    /** The round's offer the customer or a supervisor is deciding on, or the agreed one. */
    Offer currentOffer() {
        return offers.peekLast();
    }

    /** Applies an event of a later round (a reopened case starts a new round) or ignores an older round's. */
    private boolean inRound(int eventRound, long at) {
        if (eventRound > round) {
            round = eventRound;
            stage = Stage.RECEIVED;
            receivedAt = 0; // set by this round's ComplaintReceived, which may be read after a later event
            closedAt = null;
            receivedCounted = false;
            acknowledgedAt = null;
            firstOfferedAt = null;
            offers.clear();
            answers.clear();
            fulfillment = null;
            resolution = null;
            contacts = 1;
            return true;
        }
        return eventRound == round;
    }

    private void advance(Stage next, long at) {
        if (next.rank >= stage.rank) {
            stage = next;
        }
        closedAt = stage == Stage.CLOSED ? Long.valueOf(at) : null;
    }

    private void touched(long at) {
        lastEventAt = Math.max(lastEventAt, at);
    }

    /** True the first time this round's {@code ComplaintReceived} is seen (to count it once). */
    boolean received(ComplaintReceived e) {
        long at = e.getOccurredAt().toEpochMilli();
        touched(at);
        boolean reopened = e.getReopenedFrom() != null;
        note(at, "ComplaintReceived", "intake", (reopened ? "reopened as round " + e.getRound() : "received")
                + " by " + e.getChannel());
        if (inRound(e.getRound(), at)) {
            receivedAt = at;
            subject = cut(e.getSubject(), MAX_LINE);
            description = cut(e.getDescription(), MAX_TEXT);
            channel = e.getChannel().name();
            customerId = e.getCustomer().getId();
            tier = e.getCustomer().getTier().name();
            if (stage.rank == 0) {
                stage = reopened ? Stage.REOPENED : Stage.RECEIVED;
            }
            boolean first = !receivedCounted;
            receivedCounted = true;
            return first;
        }
        return false;
    }

    /** The customer wrote again about this case: on the timeline, and it raises the shown priority. */
    void contactAdded(ComplaintContactAdded e) {
        long at = e.getOccurredAt().toEpochMilli();
        touched(at);
        note(at, "ComplaintContactAdded", "customer", "wrote again (contact " + e.getContactNumber() + ", "
                + e.getMatchedBy() + ") by " + e.getChannel() + ": " + e.getSubject());
        if (inRound(e.getRound(), at)) {
            contacts = Math.max(contacts, e.getContactNumber()); // the highest number counts: a copy changes nothing
        }
    }

    /** Triage's priority, a step higher per repeat contact ({@link RepeatContacts}, as intake's status view). */
    String shownPriority() {
        return priority == null ? null : RepeatContacts.raised(Priority.valueOf(priority), contacts).name();
    }

    /** Triage's advice, after the {@code REPEAT_CONTACT} one when the customer wrote more than once. */
    List<Advice> shownAdvice() {
        HandlingAdvice repeat = RepeatContacts.advice(contacts);
        if (repeat == null) {
            return List.copyOf(advice);
        }
        List<Advice> shown = new ArrayList<>();
        shown.add(new Advice(repeat.getCode(), repeat.getText()));
        shown.addAll(advice);
        return List.copyOf(shown);
    }

    void acknowledged(ComplaintAcknowledged e) {
        long at = e.getOccurredAt().toEpochMilli();
        touched(at);
        note(at, "ComplaintAcknowledged", "triage", e.getCause() + ", " + e.getAnger() + ", " + e.getPriority()
                + (e.getReviewNeeded() ? ", review needed" : ""));
        if (!inRound(e.getRound(), at)) {
            return;
        }
        if (subject.isEmpty()) {
            subject = cut(e.getSubject(), MAX_LINE);
            description = cut(e.getDescription(), MAX_TEXT);
        }
        channel = e.getChannel().name();
        customerId = e.getCustomerId();
        tier = e.getTier().name();
        cause = e.getCause().name();
        causeConfidence = e.getCauseConfidence();
        anger = e.getAnger().name();
        angerConfidence = e.getAngerConfidence();
        priority = e.getPriority().name();
        acknowledgeBy = e.getAcknowledgeBy().toEpochMilli();
        acknowledgedAt = at;
        signals.clear();
        e.getSignals().stream().limit(MAX_SIGNALS).forEach(s -> signals.add(new Signal(cut(s.getSignal(), MAX_LINE),
                cut(s.getEvidence(), MAX_LINE), s.getWeight(), cut(s.getIndicates(), MAX_LINE))));
        advice.clear();
        e.getHandlingAdvice().stream().limit(MAX_ADVICE)
                .forEach(a -> advice.add(new Advice(cut(a.getCode(), MAX_LINE), cut(a.getText(), MAX_LINE))));
        acknowledgementText = cut(e.getAcknowledgementText(), MAX_TEXT);
        reviewNeeded = e.getReviewNeeded();
        reviewReasons.clear();
        e.getReviewReasons().stream().limit(MAX_ADVICE).forEach(r -> reviewReasons.add(cut(r, MAX_LINE)));
        suspectedRootCause = e.getSuspectedRootCause().name();
        complaintsLast12Months = e.getCustomerHistory().getComplaintsLast12Months();
        doNotServe = e.getCustomerHistory().getDoNotServe();
        advance(Stage.ACKNOWLEDGED, at);
    }

    void offered(RemedyOffered e) {
        long at = e.getOccurredAt().toEpochMilli();
        touched(at);
        note(at, "RemedyOffered", e.getApprovedBy() == null ? "remedy" : "remedy, approved by " + e.getApprovedBy(),
                e.getKind() + " " + e.getStatus() + " — " + e.getDescription());
        if (!inRound(e.getRound(), at)) {
            return;
        }
        if (firstOfferedAt == null) {
            firstOfferedAt = at;
        }
        offers.removeIf(o -> o.offerId().equals(e.getOfferId()));
        offers.addLast(new Offer(e.getOfferId(), at, e.getNegotiationRound(), e.getStatus().name(), e.getKind().name(),
                cut(e.getDescription(), MAX_LINE), Amount.of(e.getAmount()), Amount.of(e.getEstimatedCost()),
                Amount.of(e.getReasoning().getCostOfInaction()),
                e.getReasoning().getFactors().stream().limit(MAX_SIGNALS)
                        .map(f -> new Factor(cut(f.getName(), MAX_LINE), cut(f.getValue(), MAX_LINE),
                                cut(f.getEffect(), MAX_LINE))).toList(),
                cut(e.getReasoning().getSummary(), MAX_TEXT), cut(e.getOpenQuestion(), MAX_LINE),
                e.getExpiresAt().toEpochMilli(), e.getDeliverBy().toEpochMilli(), e.getApprovalRequired(),
                e.getAuthorityLevel().name(), e.getApprovalDueBy() == null ? null : e.getApprovalDueBy().toEpochMilli(),
                e.getApprovedBy()));
        while (offers.size() > MAX_OFFERS) {
            offers.removeFirst();
        }
        clearFollowUps(FollowUpKind.APPROVAL_OVERDUE);
        advance(switch (e.getStatus()) {
            case PENDING_APPROVAL -> Stage.AWAITING_APPROVAL;
            case AGREED -> Stage.AGREED;
            default -> Stage.OFFERED;
        }, at);
    }

    void responded(RemedyResponded e) {
        long at = e.getOccurredAt().toEpochMilli();
        touched(at);
        String counter = e.getCounterOffer() == null ? "" : " (counter-offer)";
        note(at, "RemedyResponded", "customer", e.getDecision() + counter);
        if (inRound(e.getRound(), at)) {
            answer(new Answer(at, "customer", e.getOfferId(), e.getDecision().name() + counter, "customer",
                    cut(e.getNote(), MAX_LINE)));
        }
    }

    void approvalDecided(RemedyApprovalDecided e) {
        long at = e.getOccurredAt().toEpochMilli();
        touched(at);
        note(at, "RemedyApprovalDecided", cut(e.getApprover(), MAX_LINE), e.getDecision().name());
        if (inRound(e.getRound(), at)) {
            answer(new Answer(at, "approval", e.getOfferId(), e.getDecision().name(), cut(e.getApprover(), MAX_LINE),
                    cut(e.getNote(), MAX_LINE)));
            clearFollowUps(FollowUpKind.APPROVAL_OVERDUE);
        }
    }

    void fulfilled(RemedyFulfilled e) {
        long at = e.getOccurredAt().toEpochMilli();
        touched(at);
        note(at, "RemedyFulfilled", cut(e.getFulfilledBy(), MAX_LINE), e.getKind() + " " + cut(e.getReference(), 80));
        if (inRound(e.getRound(), at)) {
            fulfillment = new Fulfillment(at, e.getOfferId(), e.getKind().name(), cut(e.getReference(), MAX_LINE),
                    cut(e.getFulfilledBy(), MAX_LINE), Amount.of(e.getActualCost()), cut(e.getNote(), MAX_LINE));
            clearFollowUps(FollowUpKind.PROMISE_BREACHED);
        }
    }

    void resolved(ComplaintResolved e) {
        long at = e.getOccurredAt().toEpochMilli();
        touched(at);
        note(at, "ComplaintResolved", "remedy", e.getOutcome() + ", root cause " + e.getRootCause());
        if (inRound(e.getRound(), at)) {
            resolution = new Resolution(at, e.getOutcome().name(),
                    e.getRemedy() == null ? null : e.getRemedy().getKind().name(), Amount.of(e.getCost()),
                    e.getCause().name(), e.getRootCause().name());
            if (cause == null) {
                cause = e.getCause().name();
                anger = e.getAnger().name();
            }
            clearFollowUps(FollowUpKind.PROMISE_BREACHED);
            clearFollowUps(FollowUpKind.APPROVAL_OVERDUE);
            clearFollowUps(FollowUpKind.ACKNOWLEDGEMENT_OVERDUE);
            advance(Stage.RESOLVED, at);
        }
    }

    void followUpDue(FollowUpDue e) {
        long at = e.getOccurredAt().toEpochMilli();
        touched(at);
        note(at, "FollowUpDue", "followup", e.getKind() + ": " + cut(e.getReason(), MAX_LINE));
        if (inRound(e.getRound(), at) && e.getKind() == FollowUpKind.SATISFACTION_NO_ANSWER) {
            clearFollowUps(FollowUpKind.SATISFACTION_CHECK); // nobody answered in time: the check is closed
            advance(Stage.CLOSED, at);
        } else if (inRound(e.getRound(), at) && e.getKind() != FollowUpKind.OFFER_REMINDER) { // a reminder: timeline only
            followUps.addLast(new FollowUp(e.getKind().name(), e.getDueAt().toEpochMilli(), cut(e.getReason(), MAX_LINE)));
            while (followUps.size() > MAX_FOLLOW_UPS) {
                followUps.removeFirst();
            }
            if (e.getKind() == FollowUpKind.SATISFACTION_CHECK) {
                advance(Stage.FOLLOW_UP_DUE, at);
            }
        }
    }

    /** An agent reviewed the round's drafted acknowledgement: who, and whether they changed the words (not the words). */
    void acknowledgementApproved(AcknowledgementApproved e) {
        long at = e.getOccurredAt().toEpochMilli();
        touched(at);
        note(at, "AcknowledgementApproved", e.getApprovedBy(), "round " + e.getRound() + " acknowledgement approved"
                + (e.getEdited() ? " with the agent's edits" : " as drafted"));
    }

    /**
     * The worker's record of a message: on the timeline (kind, outcome and the server's reason, never personal data);
     * a sent acknowledgement clears an overdue one.
     */
    void notified(CustomerNotified e) {
        long at = e.getOccurredAt().toEpochMilli();
        touched(at);
        boolean sent = e.getOutcome() == NotificationOutcome.SENT;
        note(at, "CustomerNotified", "followup-worker", e.getKind() + " " + e.getOutcome() + " by " + e.getChannel()
                + (sent || e.getReason() == null ? "" : ": " + e.getReason()));
        if (inRound(e.getRound(), at) && sent && e.getKind() == NotificationKind.ACKNOWLEDGEMENT) {
            clearFollowUps(FollowUpKind.ACKNOWLEDGEMENT_OVERDUE);
        }
    }

    void followUpCompleted(FollowUpCompleted e) {
        long at = e.getOccurredAt().toEpochMilli();
        touched(at);
        note(at, "FollowUpCompleted", "customer", (e.getSatisfied() ? "satisfied" : "not satisfied")
                + ", score " + e.getScore() + (e.getReopened() ? ", reopened" : ""));
        if (!inRound(e.getRound(), at)) {
            return;
        }
        for (FollowUp f : followUps) {
            if (f.open && f.kind.equals(FollowUpKind.SATISFACTION_CHECK.name())) {
                f.open = false;
                f.satisfied = e.getSatisfied();
                f.score = e.getScore();
                f.comment = cut(e.getComment(), MAX_LINE);
            }
        }
        if (!e.getReopened()) {
            advance(Stage.CLOSED, at);
        }
    }

    private void clearFollowUps(FollowUpKind kind) {
        followUps.stream().filter(f -> f.kind.equals(kind.name())).forEach(f -> f.open = false);
    }

    private void answer(Answer answer) {
        answers.addLast(answer);
        while (answers.size() > MAX_ANSWERS) {
            answers.removeFirst();
        }
    }

    /** The timeline keeps the newest entries, in event-time order. */
    private void note(long at, String event, String by, String summary) {
        Entry entry = new Entry(at, event, by, cut(summary, MAX_LINE));
        if (timeline.isEmpty() || timeline.peekLast().at() <= at) {
            timeline.addLast(entry);
        } else {
            List<Entry> sorted = new ArrayList<>(timeline);
            sorted.add(entry);
            sorted.sort((a, b) -> Long.compare(a.at(), b.at()));
            timeline.clear();
            timeline.addAll(sorted);
        }
        while (timeline.size() > MAX_TIMELINE) {
            timeline.removeFirst();
        }
    }

    static String cut(CharSequence text, int max) {
        if (text == null) {
            return null;
        }
        String s = text.toString();
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
