package com.makeitright.followup.schedule;

import com.makeitright.events.Anger;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.Channel;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.CustomerNotified;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.NotificationKind;
import com.makeitright.events.NotificationOutcome;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.ResponseDecision;
import com.makeitright.testing.Events;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduling decisions, event by event, applied to an in-memory schedule like the processor does. */
class FollowUpPlannerTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final String ID = "c-1";

    final FollowUpPlanner planner = new FollowUpPlanner(Duration.ofDays(3), Duration.ofHours(2), Duration.ofDays(3), Duration.ofDays(14));
    ComplaintFile file;
    final Map<String, FollowUp> schedule = new HashMap<>();

    void apply(SpecificRecord event) {
        FollowUpPlanner.Plan plan = planner.plan(file, ID, event);
        file = plan.file();
        for (FollowUpChange change : plan.changes()) {
            String key = change.key().asString();
            change.applyTo(schedule.get(key)).ifPresent(next -> schedule.put(key, next));
        }
    }

    FollowUp check(FollowUpKey key) {
        return schedule.get(key.asString());
    }

    void fire(FollowUpKey key, Instant at) {
        schedule.put(key.asString(), check(key).fired(at, "due-1"));
    }

    ComplaintResolved.Builder resolved(int round) {
        return Events.resolved(ID).setRound(round).setOccurredAt(T0);
    }

    RemedyOffered.Builder offer(String offerId, OfferStatus status) {
        return Events.offered(ID).setOfferId(offerId).setStatus(status).setOccurredAt(T0)
                .setDeliverBy(T0.plus(Duration.ofDays(5))).setDescription("We send the right CD at no cost.");
    }

    RemedyResponded accept(String offerId) {
        return Events.responded(ID, offerId, ResponseDecision.ACCEPT).setOccurredAt(T0.plusSeconds(60)).build();
    }

    @Test
    void aResolvedRoundSchedulesOneSatisfactionCheckAfterTheDelay() {
        ComplaintResolved event = resolved(1).setOutcome(ResolutionOutcome.REMEDY_DELIVERED).build();

        apply(event);

        FollowUp check = check(FollowUpKey.satisfaction(ID, 1));
        assertThat(check.state()).isEqualTo(FollowUpState.SCHEDULED);
        assertThat(check.kind()).isEqualTo(FollowUpKind.SATISFACTION_CHECK);
        assertThat(check.dueAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(check.causationId()).isEqualTo(event.getEventId());
        assertThat(check.round()).isEqualTo(1);
        assertThat(check.reason()).contains("Resolved 2026-03-02 09:00:00 UTC (remedy delivered)")
                .contains("how satisfied");
        FollowUp noAnswer = check(FollowUpKey.noAnswer(ID, 1));
        assertThat(noAnswer.state()).isEqualTo(FollowUpState.SCHEDULED);
        assertThat(noAnswer.dueAt()).as("due + the 14-day window").isEqualTo(T0.plus(Duration.ofDays(17)));
        assertThat(schedule).hasSize(2);
    }

    @Test
    void anAnswerCallsOffTheNoAnswerCheckAndAFiredOneClosesTheSatisfactionCheck() {
        apply(resolved(1).build());
        apply(Events.followUpCompleted(ID, true).setOccurredAt(T0.plus(Duration.ofDays(4))).build());
        assertThat(check(FollowUpKey.noAnswer(ID, 1)).state()).isEqualTo(FollowUpState.CANCELLED);

        FollowUp silent = FollowUp.scheduled(FollowUpKey.noAnswer(ID, 2), 2, null, T0, "e-1", "why")
                .fired(T0, "due-1");
        assertThat(planner.afterFiring(silent)).singleElement().satisfies(change -> {
            assertThat(change.key()).isEqualTo(FollowUpKey.satisfaction(ID, 2));
            FollowUp asked = FollowUp.scheduled(change.key(), 2, null, T0, "e-0", "ask").fired(T0, "due-0");
            assertThat(change.applyTo(asked)).get().extracting(FollowUp::state).isEqualTo(FollowUpState.UNANSWERED);
            assertThat(change.applyTo(null)).as("never asked: nothing to close").isEmpty();
        });
        assertThat(planner.afterFiring(check(FollowUpKey.satisfaction(ID, 1)))).isEmpty();
    }

    @Test
    void aDuplicateResolutionSchedulesNothingNewBeforeOrAfterTheCheckFired() {
        ComplaintResolved event = resolved(1).build();
        apply(event);
        FollowUp first = check(FollowUpKey.satisfaction(ID, 1));

        apply(event);
        assertThat(check(FollowUpKey.satisfaction(ID, 1))).isEqualTo(first);

        fire(FollowUpKey.satisfaction(ID, 1), T0.plus(Duration.ofDays(3)));
        apply(event);
        assertThat(check(FollowUpKey.satisfaction(ID, 1)).state()).isEqualTo(FollowUpState.FIRED);
        assertThat(schedule).hasSize(2); // the check and its no-answer
    }

    @Test
    void aReopenedRoundGetsItsOwnSatisfactionCheck() {
        apply(resolved(1).build());
        apply(resolved(2).setOccurredAt(T0.plus(Duration.ofDays(10))).build());

        assertThat(check(FollowUpKey.satisfaction(ID, 2)).dueAt()).isEqualTo(T0.plus(Duration.ofDays(13)));
        assertThat(schedule).hasSize(4); // a satisfaction and a no-answer check per round
    }

    @Test
    void anAcceptedOfferIsWatchedUntilItsDeliverByPlusGrace() {
        RemedyOffered offered = offer("o-1", OfferStatus.OPEN).build();
        apply(offered);
        assertThat(schedule).as("an open offer promises nothing yet, it is only reminded")
                .containsOnlyKeys(FollowUpKey.offerReminder(ID, "o-1").asString());
        assertThat(check(FollowUpKey.offerReminder(ID, "o-1")).dueAt()).isEqualTo(T0.plus(Duration.ofDays(3)));

        RemedyResponded accepted = accept("o-1");
        apply(accepted);

        FollowUp promise = check(FollowUpKey.promise(ID, "o-1"));
        assertThat(promise.state()).isEqualTo(FollowUpState.SCHEDULED);
        assertThat(promise.dueAt()).isEqualTo(offered.getDeliverBy().plus(Duration.ofHours(2)));
        assertThat(promise.causationId()).isEqualTo(accepted.getEventId());
        assertThat(promise.offerId()).isEqualTo("o-1");
        assertThat(promise.reason()).contains("We promised replacement").contains("2026-03-07 09:00:00 UTC");
    }

    @Test
    void anOfferPublishedAgreedIsWatchedAtOnce() {
        RemedyOffered offered = offer("o-1", OfferStatus.AGREED).build();

        apply(offered);

        assertThat(check(FollowUpKey.promise(ID, "o-1")).causationId()).isEqualTo(offered.getEventId());
    }

    @Test
    void declinesAndCountersPromiseNothing() {
        apply(offer("o-1", OfferStatus.OPEN).build());
        apply(Events.responded(ID, "o-1", ResponseDecision.DECLINE).build());
        apply(Events.responded(ID, "o-1", ResponseDecision.COUNTER).build());

        assertThat(schedule).containsOnlyKeys(FollowUpKey.offerReminder(ID, "o-1").asString());
        assertThat(check(FollowUpKey.offerReminder(ID, "o-1")).state()).as("answered: no reminder")
                .isEqualTo(FollowUpState.CANCELLED);
    }

    @Test
    void anAcceptanceThatOvertookItsOfferIsWatchedOnceTheOfferArrives() {
        RemedyResponded accepted = accept("o-1");
        apply(accepted);
        assertThat(schedule).as("only the reminder, called off before the offer is seen")
                .containsOnlyKeys(FollowUpKey.offerReminder(ID, "o-1").asString());

        apply(offer("o-1", OfferStatus.OPEN).build());
        assertThat(check(FollowUpKey.offerReminder(ID, "o-1")).state()).isEqualTo(FollowUpState.CANCELLED);

        assertThat(check(FollowUpKey.promise(ID, "o-1")).causationId()).isEqualTo(accepted.getEventId());
    }

    @Test
    void aFulfillmentCancelsThePromiseCheckAndClearsABreach() {
        apply(offer("o-1", OfferStatus.AGREED).build());
        apply(Events.fulfilled(ID, "o-1", RemedyKind.REPLACEMENT).setOccurredAt(T0.plusSeconds(5)).build());
        assertThat(check(FollowUpKey.promise(ID, "o-1")).state()).isEqualTo(FollowUpState.CANCELLED);
        assertThat(check(FollowUpKey.promise(ID, "o-1")).closedBecause()).startsWith("remedy delivered");

        apply(offer("o-2", OfferStatus.AGREED).build());
        fire(FollowUpKey.promise(ID, "o-2"), T0.plus(Duration.ofDays(6)));
        apply(Events.fulfilled(ID, "o-2", RemedyKind.REPLACEMENT).build());
        assertThat(check(FollowUpKey.promise(ID, "o-2")).state()).isEqualTo(FollowUpState.CLEARED);
    }

    @Test
    void aFulfillmentSeenBeforeTheAcceptanceKeepsThePromiseFromBeingWatched() {
        apply(offer("o-1", OfferStatus.OPEN).build());
        apply(Events.fulfilled(ID, "o-1", RemedyKind.REPLACEMENT).build());

        apply(accept("o-1"));

        assertThat(check(FollowUpKey.promise(ID, "o-1")).state()).isEqualTo(FollowUpState.CANCELLED);
    }

    @Test
    void anOfferAwaitingApprovalIsWatchedUntilItsApprovalDueBy() {
        Instant due = T0.plus(Duration.ofHours(4));
        RemedyOffered pending = offer("o-1", OfferStatus.PENDING_APPROVAL).setApprovalRequired(true)
                .setApprovalDueBy(due).build();

        apply(pending);

        FollowUp approval = check(FollowUpKey.approval(ID, "o-1"));
        assertThat(approval.kind()).isEqualTo(FollowUpKind.APPROVAL_OVERDUE);
        assertThat(approval.dueAt()).isEqualTo(due);
        assertThat(approval.causationId()).isEqualTo(pending.getEventId());
        assertThat(approval.reason()).contains("agent decision").contains("Approve or reject it now");
        assertThat(check(FollowUpKey.promise(ID, "o-1"))).as("not agreed yet").isNull();
    }

    @Test
    void aDecisionCancelsTheApprovalCheckOrClearsTheEscalation() {
        apply(offer("o-1", OfferStatus.PENDING_APPROVAL).setApprovalDueBy(T0.plusSeconds(60)).build());
        apply(Events.approvalDecided(ID, "o-1", ApprovalDecision.APPROVED).build());
        assertThat(check(FollowUpKey.approval(ID, "o-1")).state()).isEqualTo(FollowUpState.CANCELLED);
        assertThat(check(FollowUpKey.approval(ID, "o-1")).closedBecause())
                .isEqualTo("approval decided: approved by sam.supervisor");

        apply(offer("o-2", OfferStatus.PENDING_APPROVAL).setApprovalDueBy(T0.plusSeconds(60)).build());
        fire(FollowUpKey.approval(ID, "o-2"), T0.plusSeconds(61));
        apply(Events.approvalDecided(ID, "o-2", ApprovalDecision.REJECTED).build());
        assertThat(check(FollowUpKey.approval(ID, "o-2")).state()).isEqualTo(FollowUpState.CLEARED);
    }

    @Test
    void aNewerOfferSupersedesAnOfferAwaitingApproval() {
        apply(offer("o-1", OfferStatus.PENDING_APPROVAL).setApprovalDueBy(T0.plusSeconds(600)).build());

        RemedyOffered newer = offer("o-2", OfferStatus.OPEN).setOccurredAt(T0.plusSeconds(30)).build();
        apply(newer);

        FollowUp approval = check(FollowUpKey.approval(ID, "o-1"));
        assertThat(approval.state()).isEqualTo(FollowUpState.CANCELLED);
        assertThat(approval.closedBy()).isEqualTo(newer.getEventId());
    }

    @Test
    void aResolutionClosesTheWatchesOfItsRoundOnly() {
        apply(offer("o-1", OfferStatus.AGREED).setRound(1).build());
        apply(offer("o-2", OfferStatus.AGREED).setRound(2).setOccurredAt(T0.plusSeconds(10)).build());
        fire(FollowUpKey.promise(ID, "o-1"), T0.plus(Duration.ofDays(6)));

        apply(resolved(1).build());

        assertThat(check(FollowUpKey.promise(ID, "o-1")).state()).isEqualTo(FollowUpState.CLEARED);
        assertThat(check(FollowUpKey.promise(ID, "o-1")).closedBecause()).isEqualTo("complaint resolved: remedy delivered");
        assertThat(check(FollowUpKey.promise(ID, "o-2")).state()).isEqualTo(FollowUpState.SCHEDULED);
    }

    @Test
    void anOfferOfAnAlreadyResolvedRoundIsNotWatched() {
        apply(resolved(1).build());

        apply(offer("o-late", OfferStatus.AGREED).setRound(1).build());

        assertThat(check(FollowUpKey.promise(ID, "o-late"))).isNull();
    }

    @Test
    void anAnswerClosesTheSatisfactionCheckAndAnEarlyAnswerKeepsItFromFiring() {
        apply(resolved(1).build());
        apply(Events.followUpCompleted(ID, false).setScore(2).setComment("Broke again").setOccurredAt(T0).build());

        FollowUp check = check(FollowUpKey.satisfaction(ID, 1));
        assertThat(check.state()).isEqualTo(FollowUpState.ANSWERED);
        assertThat(check.answer().score()).isEqualTo(2);
        assertThat(check.answer().reopened()).isTrue();
    }

    @Test
    void aResolutionClosesNoAnsweredOrAskedSatisfactionCheck() {
        apply(resolved(1).build());
        fire(FollowUpKey.satisfaction(ID, 1), T0.plus(Duration.ofDays(3)));

        apply(resolved(1).build()); // a second resolution event of the same round (not a duplicate)

        assertThat(check(FollowUpKey.satisfaction(ID, 1)).state()).isEqualTo(FollowUpState.FIRED);
    }

    ComplaintAcknowledged.Builder acknowledged(int round) {
        return Events.acknowledged(ID).setRound(round).setOccurredAt(T0).setAcknowledgeBy(T0.plus(Duration.ofHours(8)));
    }

    CustomerNotified.Builder notified(NotificationKind kind, NotificationOutcome outcome) {
        return Events.customerNotified(ID, kind).setOutcome(outcome).setOccurredAt(T0.plusSeconds(30));
    }

    @Test
    void anAcknowledgementIsWatchedUntilItsAcknowledgeByForItsRound() {
        ComplaintAcknowledged event = acknowledged(1).setReviewNeeded(true).build();

        apply(event);
        apply(event); // a copy schedules nothing new

        FollowUp check = check(FollowUpKey.acknowledgement(ID, 1));
        assertThat(check.kind()).isEqualTo(FollowUpKind.ACKNOWLEDGEMENT_OVERDUE);
        assertThat(check.state()).isEqualTo(FollowUpState.SCHEDULED);
        assertThat(check.dueAt()).isEqualTo(event.getAcknowledgeBy());
        assertThat(check.causationId()).isEqualTo(event.getEventId());
        assertThat(check.offerId()).isNull();
        assertThat(check.isEscalation()).isTrue();
        assertThat(check.key()).isEqualTo(FollowUpKey.acknowledgement(ID, 1));
        assertThat(check.reason()).contains("2026-03-02 17:00:00 UTC", "waits for an agent's review");
        assertThat(schedule).hasSize(1);
    }

    @Test
    void aSentAcknowledgementCancelsTheCheckAndALateOneClearsTheEscalation() {
        apply(acknowledged(1).build());
        CustomerNotified sent = notified(NotificationKind.ACKNOWLEDGEMENT, NotificationOutcome.SENT).build();
        apply(sent);
        FollowUp cancelled = check(FollowUpKey.acknowledgement(ID, 1));
        assertThat(cancelled.state()).isEqualTo(FollowUpState.CANCELLED);
        assertThat(cancelled.closedBy()).isEqualTo(sent.getEventId());
        assertThat(cancelled.closedBecause()).isEqualTo("acknowledgement sent by email");

        apply(acknowledged(2).build());
        fire(FollowUpKey.acknowledgement(ID, 2), T0.plus(Duration.ofHours(8)));
        apply(notified(NotificationKind.ACKNOWLEDGEMENT, NotificationOutcome.SENT).setRound(2).build());
        assertThat(check(FollowUpKey.acknowledgement(ID, 2)).state()).isEqualTo(FollowUpState.CLEARED);
    }

    @Test
    void aRefusedAcknowledgementOrAnotherMailLeavesTheCheckWaiting() {
        apply(acknowledged(1).build());

        apply(notified(NotificationKind.ACKNOWLEDGEMENT, NotificationOutcome.REJECTED).setReason("550").build());
        apply(notified(NotificationKind.OFFER, NotificationOutcome.SENT).setOfferId("o-1").build());
        apply(notified(NotificationKind.ACKNOWLEDGEMENT, NotificationOutcome.SENT).setRound(2).build());

        assertThat(check(FollowUpKey.acknowledgement(ID, 1)).state()).isEqualTo(FollowUpState.SCHEDULED);
    }

    @Test
    void aSentAcknowledgementThatOvertookItsAcknowledgedEventKeepsTheCheckFromBeingScheduled() {
        apply(notified(NotificationKind.ACKNOWLEDGEMENT, NotificationOutcome.SENT).build());

        apply(acknowledged(1).build());

        FollowUp check = check(FollowUpKey.acknowledgement(ID, 1));
        assertThat(check.state()).isEqualTo(FollowUpState.CANCELLED);
        assertThat(check.dueAt()).as("never scheduled").isNull();
        assertThat(check.offerId()).isNull();
    }

    @Test
    void aResolutionClosesItsRoundsAcknowledgementCheckAndRemembersNoneItNeverSaw() {
        apply(resolved(1).build());
        assertThat(check(FollowUpKey.acknowledgement(ID, 1))).isNull();
        apply(acknowledged(1).build());
        assertThat(check(FollowUpKey.acknowledgement(ID, 1))).as("the round is resolved").isNull();

        apply(acknowledged(2).build());
        fire(FollowUpKey.acknowledgement(ID, 2), T0.plus(Duration.ofHours(8)));
        apply(resolved(2).build());
        assertThat(check(FollowUpKey.acknowledgement(ID, 2)).state()).isEqualTo(FollowUpState.CLEARED);
    }

    @Test
    void anOverdueAcknowledgementIsPublishedUnderAKeyOfItsRound() {
        apply(Events.received(ID).build());
        apply(acknowledged(1).build());
        FollowUp check = check(FollowUpKey.acknowledgement(ID, 1));

        var due = FollowUpMessages.due(check, file, T0.plus(Duration.ofHours(9)));

        assertThat(due.getKind()).isEqualTo(FollowUpKind.ACKNOWLEDGEMENT_OVERDUE);
        assertThat(due.getOfferId()).isNull();
        assertThat(due.getEventId()).isEqualTo(java.util.UUID.nameUUIDFromBytes(
                ("FollowUpDue|" + ID + "|ACKNOWLEDGEMENT_OVERDUE|round-1").getBytes()).toString());
    }

    @Test
    void theContactComesFromTheReceivedEventAndAHeatedCustomerIsReachedInWriting() {
        apply(Events.received(ID).setChannel(Channel.PHONE).build());
        var phoneAndMail = new CustomerContact("Dana Reyes", "dana@example.com", "+1 555 0100", Channel.PHONE);

        assertThat(file.contact()).isEqualTo(new CustomerContact("Dana Reyes", "dana@example.com", null, Channel.PHONE));
        assertThat(FollowUpMessages.contact(file).getPreferredChannel()).as("no phone number: e-mail")
                .isEqualTo(Channel.EMAIL);
        assertThat(FollowUpMessages.preferredChannel(phoneAndMail, Anger.UPSET)).isEqualTo(Channel.PHONE);
        assertThat(FollowUpMessages.preferredChannel(phoneAndMail, Anger.HOSTILE)).isEqualTo(Channel.EMAIL);
        assertThat(FollowUpMessages.preferredChannel(
                new CustomerContact("Al", null, "+1 555 0101", Channel.CHAT), Anger.CALM)).isEqualTo(Channel.PHONE);
        assertThat(FollowUpMessages.contact(null).getPreferredChannel()).isEqualTo(Channel.OTHER);
    }

    @Test
    void theFollowUpDueCarriesEverythingTheWorkerNeeds() {
        apply(Events.received(ID).build());
        apply(Events.acknowledged(ID).setAnger(Anger.CALM).build());
        ComplaintResolved event = resolved(1).build();
        apply(event);
        FollowUp check = check(FollowUpKey.satisfaction(ID, 1));
        Instant now = T0.plus(Duration.ofDays(3)).plusSeconds(1);

        var due = FollowUpMessages.due(check, file, now);

        assertThat(due.getComplaintId()).isEqualTo(ID);
        assertThat(due.getKind()).isEqualTo(FollowUpKind.SATISFACTION_CHECK);
        assertThat(due.getDueAt()).isEqualTo(check.dueAt());
        assertThat(due.getOccurredAt()).isEqualTo(now);
        assertThat(due.getCausationId()).isEqualTo(event.getEventId());
        assertThat(due.getContact().getName()).isEqualTo("Dana Reyes");
        assertThat(due.getContact().getEmail()).isEqualTo("dana@example.com");
        assertThat(due.getContact().getPreferredChannel()).isEqualTo(Channel.EMAIL);
        assertThat(due.getOfferId()).isNull();
        assertThat(due.getEventId()).as("derived from the check, so stable").isEqualTo(
                java.util.UUID.nameUUIDFromBytes(("FollowUpDue|" + ID + "|SATISFACTION_CHECK|round-1").getBytes()).toString());
        assertThat(due.getReason()).isEqualTo(check.reason());
    }
}
