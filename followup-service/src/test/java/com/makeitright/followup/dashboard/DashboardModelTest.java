package com.makeitright.followup.dashboard;

import com.makeitright.events.AgreedRemedy;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.NotificationKind;
import com.makeitright.events.NotificationOutcome;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardModelTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z"); // a Wednesday

    static DashboardProperties properties(int maxComplaints) {
        return new DashboardProperties(Duration.ofDays(31), Duration.ofHours(1), Duration.ofDays(31), maxComplaints,
                200, Duration.ofMinutes(15), Duration.ofMillis(250));
    }

    final DashboardModel model = new DashboardModel(properties(10));
    final long now = NOW.toEpochMilli();

    void walk(String id, Instant at) {
        model.apply(Events.received(id).setOccurredAt(at).build(), now);
        model.apply(Events.acknowledged(id).setOccurredAt(at.plusSeconds(2)).build(), now);
    }

    @Test
    void aComplaintMovesThroughItsStagesAndLeavesTheQueueWhenResolved() {
        String id = "c-1";
        walk(id, NOW.minusSeconds(60));
        RemedyOffered offer = Events.offered(id).setOccurredAt(NOW.minusSeconds(50)).build();
        model.apply(offer, now);
        assertThat(model.queue(new DashboardModel.Filter(null, null, null, null, null), now).rows())
                .singleElement().satisfies(r -> assertThat(r.stage()).isEqualTo("OFFERED"));
        assertThat(model.overview(now).offersAwaiting()).hasSize(1);

        model.apply(Events.resolved(id).setOccurredAt(NOW.minusSeconds(40)).setRemedy(AgreedRemedy.newBuilder()
                .setOfferId(offer.getOfferId()).setKind(RemedyKind.REPLACEMENT).setAmount(null).setGoodwill(null)
                .setDescription("x").build()).build(), now);
        assertThat(model.queue(new DashboardModel.Filter(null, null, null, null, null), now).total()).isZero();

        DashboardViews.Overview overview = model.overview(now);
        assertThat(overview.flow().latencies()).extracting(DashboardViews.Latency::dayP50Ms)
                .containsExactly(2_000L, 10_000L, 20_000L);
        assertThat(overview.money().rows()).filteredOn(r -> r.period().equals("today")).singleElement()
                .satisfies(r -> {
                    assertThat(r.cost()).isEqualByComparingTo("20.00");
                    assertThat(r.costOfInaction()).isEqualByComparingTo("150.00");
                });
        assertThat(overview.fixItTwice().topRootCauses()).singleElement()
                .satisfies(r -> assertThat(r.rootCause()).isEqualTo("PACKING_ERROR"));
        assertThat(model.complaint(id).orElseThrow().timeline()).extracting(CaseFile.Entry::event)
                .containsExactly("ComplaintReceived", "ComplaintAcknowledged", "RemedyOffered", "ComplaintResolved");
    }

    @Test
    void anAgentsApprovalOfTheAcknowledgementIsOnTheTimelineWithTheAgentNotTheWords() {
        String id = "c-approved";
        walk(id, NOW.minusSeconds(60));
        var acknowledged = Events.acknowledged(id).setOccurredAt(NOW.minusSeconds(58)).build();
        model.apply(Events.acknowledgementApproved(acknowledged).setOccurredAt(NOW.minusSeconds(30))
                .setApprovedBy("agent-ana").setText("Our mistake, Dana: the right CD is on its way.").setEdited(true)
                .build(), now);

        assertThat(model.complaint(id).orElseThrow().timeline()).last().satisfies(entry -> {
            assertThat(entry.event()).isEqualTo("AcknowledgementApproved");
            assertThat(entry.by()).isEqualTo("agent-ana");
            assertThat(entry.summary()).isEqualTo("round 1 acknowledgement approved with the agent's edits")
                    .doesNotContain("Dana");
        });
    }

    @Test
    void repeatContactsRaiseTheShownPriorityAStepEachPutTheCaseFirstAndAddTheAdvice() {
        walk("calm", NOW.minusSeconds(90));
        walk("writes-again", NOW.minusSeconds(60)); // triaged P3_NORMAL, like "calm"
        for (int contact = 2; contact <= 3; contact++) {
            model.apply(Events.contactAdded("writes-again").setContactNumber(contact)
                    .setOccurredAt(NOW.minusSeconds(50 - contact)).build(), now);
        }
        // a copy of the second contact (same number) changes nothing
        model.apply(Events.contactAdded("writes-again").setContactNumber(2).setOccurredAt(NOW.minusSeconds(40)).build(),
                now);

        var rows = model.queue(new DashboardModel.Filter(null, null, null, null, null), now).rows();
        assertThat(rows).extracting(DashboardViews.QueueRow::complaintId).containsExactly("writes-again", "calm");
        assertThat(rows.get(0).priority()).isEqualTo("P1_URGENT");
        assertThat(rows.get(0).contacts()).isEqualTo(3);
        assertThat(rows.get(0).advice()).isEqualTo("They have written 3 times: answer personally, today.");
        assertThat(rows.get(1).priority()).isEqualTo("P3_NORMAL");
        assertThat(rows.get(1).contacts()).isEqualTo(1);

        DashboardViews.Complaint complaint = model.complaint("writes-again").orElseThrow();
        assertThat(complaint.priority()).isEqualTo("P1_URGENT");
        assertThat(complaint.triagedPriority()).isEqualTo("P3_NORMAL");
        assertThat(complaint.handlingAdvice().get(0).code()).isEqualTo("REPEAT_CONTACT");
        assertThat(complaint.timeline()).extracting(CaseFile.Entry::event).contains("ComplaintContactAdded");
    }

    @Test
    void aLateEventOfAnEarlierStageDoesNotMoveTheCaseBack() {
        String id = "c-2";
        model.apply(Events.offered(id).setOccurredAt(NOW.minusSeconds(10)).setStatus(OfferStatus.PENDING_APPROVAL)
                .build(), now);
        model.apply(Events.acknowledged(id).setOccurredAt(NOW.minusSeconds(20)).build(), now);
        assertThat(model.complaint(id).orElseThrow().stage()).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void aClosedComplaintStaysForTheGraceOnlyAndTheCapDropsTheLeastRecentlyTouched() {
        walk("closed", NOW.minus(Duration.ofHours(3)));
        model.apply(Events.resolved("closed").setOccurredAt(NOW.minus(Duration.ofHours(3))).build(), now);
        model.apply(Events.followUpDue("closed", FollowUpKind.SATISFACTION_CHECK)
                .setOccurredAt(NOW.minus(Duration.ofHours(2))).build(), now);
        model.apply(Events.followUpCompleted("closed", true).setOccurredAt(NOW.minus(Duration.ofHours(2))).build(), now);
        assertThat(model.complaint("closed").orElseThrow().stage()).isEqualTo("CLOSED");
        model.sweep(now);
        assertThat(model.complaint("closed")).isEmpty();

        for (int i = 0; i < 12; i++) {
            walk("c-" + i, NOW.minusSeconds(100 - i));
        }
        assertThat(model.size()).isEqualTo(10);
        assertThat(model.complaint("c-0")).isEmpty();
        assertThat(model.complaint("c-11")).isPresent();
        assertThat(model.overview(now).counters().receivedToday()).as("counts outlive the cap").isEqualTo(13);
    }

    @Test
    void theQueueFiltersAndPutsTheMostUrgentFirst() {
        walk("later", NOW.minusSeconds(30));
        model.apply(Events.acknowledged("sooner").setOccurredAt(NOW.minusSeconds(20))
                .setAcknowledgeBy(NOW.plusSeconds(60)).setReviewNeeded(true).build(), now);
        var all = model.queue(new DashboardModel.Filter(null, null, null, null, null), now);
        assertThat(all.rows()).extracting(DashboardViews.QueueRow::complaintId).containsExactly("sooner", "later");
        var review = model.queue(new DashboardModel.Filter(null, null, null, true, null), now);
        assertThat(review.rows()).extracting(DashboardViews.QueueRow::complaintId).containsExactly("sooner");
    }

    @Test
    void anOverdueAcknowledgementIsListedUntilItIsSentAndRefusedMailsAreCounted() {
        String id = "c-ack";
        walk(id, NOW.minusSeconds(60));
        model.apply(Events.followUpDue(id, FollowUpKind.ACKNOWLEDGEMENT_OVERDUE).setOccurredAt(NOW.minusSeconds(30))
                .setDueAt(NOW.minusSeconds(30)).setReason("The acknowledgement has not been sent.").build(), now);
        assertThat(model.overview(now).followUpsDue()).singleElement()
                .satisfies(row -> assertThat(row.kind()).isEqualTo("ACKNOWLEDGEMENT_OVERDUE"));

        model.apply(Events.customerNotified(id, NotificationKind.ACKNOWLEDGEMENT)
                .setOutcome(NotificationOutcome.REJECTED).setReason("550 5.1.1 <address>: user unknown")
                .setOccurredAt(NOW.minusSeconds(20)).build(), now);
        assertThat(model.overview(now).followUpsDue()).as("a refusal reached nobody").hasSize(1);
        assertThat(model.overview(now).counters().mailsRefusedToday()).isEqualTo(1);

        model.apply(Events.customerNotified(id, NotificationKind.ACKNOWLEDGEMENT)
                .setOutcome(NotificationOutcome.SUPPRESSED).setReason("do not contact")
                .setOccurredAt(NOW.minusSeconds(15)).build(), now);
        assertThat(model.overview(now).followUpsDue()).as("a suppressed message reached nobody either").hasSize(1);
        assertThat(model.overview(now).counters().mailsRefusedToday()).as("not a failure").isEqualTo(1);

        model.apply(Events.customerNotified(id, NotificationKind.ACKNOWLEDGEMENT)
                .setOccurredAt(NOW.minusSeconds(10)).build(), now);
        assertThat(model.overview(now).followUpsDue()).isEmpty();
        assertThat(model.overview(now).counters().mailsRefusedToday()).isEqualTo(1);
        assertThat(model.complaint(id).orElseThrow().timeline()).extracting(CaseFile.Entry::summary)
                .contains("ACKNOWLEDGEMENT REJECTED by EMAIL: 550 5.1.1 <address>: user unknown",
                        "ACKNOWLEDGEMENT SUPPRESSED by EMAIL: do not contact", "ACKNOWLEDGEMENT SENT by EMAIL");
    }

    @Test
    void aReminderIsOnlyOnTheTimelineAndANoAnswerClosesTheCase() {
        String id = "c-silent";
        walk(id, NOW.minus(Duration.ofHours(3)));
        model.apply(Events.followUpDue(id, FollowUpKind.OFFER_REMINDER).setOccurredAt(NOW.minus(Duration.ofHours(3)))
                .setReason("The customer has not answered our offer.").build(), now);
        assertThat(model.overview(now).followUpsDue()).as("nothing for an agent to do").isEmpty();
        model.apply(Events.resolved(id).setOccurredAt(NOW.minus(Duration.ofHours(3))).build(), now);
        model.apply(Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK)
                .setOccurredAt(NOW.minus(Duration.ofHours(2))).build(), now);
        assertThat(model.complaint(id).orElseThrow().stage()).isEqualTo("FOLLOW_UP_DUE");

        model.apply(Events.followUpDue(id, FollowUpKind.SATISFACTION_NO_ANSWER)
                .setOccurredAt(NOW.minusSeconds(10)).build(), now);
        assertThat(model.complaint(id).orElseThrow().stage()).isEqualTo("CLOSED");
        assertThat(model.overview(now).followUpsDue()).isEmpty();
        assertThat(model.complaint(id).orElseThrow().timeline()).extracting(CaseFile.Entry::summary)
                .anySatisfy(line -> assertThat(line).startsWith("OFFER_REMINDER: "));
    }

    @Test
    void anErasedCustomersCaseFilesGoAndTheirEventsReadAgainDoNotBringThemBack() {
        walk("c-erased", NOW.minusSeconds(60));
        walk("c-kept", NOW.minusSeconds(60));
        com.makeitright.events.CustomerErased erased = com.makeitright.events.CustomerErased.newBuilder()
                .setEventId("e-1").setCustomerId("C-c-erased").setOccurredAt(NOW.minusSeconds(30))
                .setReason(com.makeitright.events.ErasureReason.REQUESTED).setErasedBy("sup").setKeysErased(1).build();

        model.apply(erased, now);
        assertThat(model.complaint("c-erased")).isEmpty();
        assertThat(model.complaint("c-kept")).isPresent();
        // later events of the erased complaint, and a restart reading its complaint again after the erasure
        model.apply(Events.offered("c-erased").setOccurredAt(NOW.minusSeconds(20)).build(), now);
        assertThat(model.complaint("c-erased")).isEmpty();
        DashboardModel restarted = new DashboardModel(properties(10));
        restarted.apply(erased, now);
        restarted.apply(Events.received("c-erased").setOccurredAt(NOW.minusSeconds(60)).build(), now);
        restarted.apply(Events.acknowledged("c-erased").setOccurredAt(NOW.minusSeconds(58)).build(), now);
        assertThat(restarted.complaint("c-erased")).isEmpty();
        // a complaint the customer makes after the erasure is shown
        restarted.apply(Events.received("c-erased-2").setCustomer(Events.received("c-erased").build().getCustomer())
                .setOccurredAt(NOW.minusSeconds(10)).build(), now);
        assertThat(restarted.complaint("c-erased-2")).isPresent();
    }
}
