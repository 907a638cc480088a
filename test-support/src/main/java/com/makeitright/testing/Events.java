package com.makeitright.testing;

import com.makeitright.contract.Monies;
import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.Anger;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.Cause;
import com.makeitright.events.Channel;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintContactAdded;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.Contact;
import com.makeitright.events.ContactMatch;
import com.makeitright.events.Customer;
import com.makeitright.events.CustomerHistory;
import com.makeitright.events.CustomerNotified;
import com.makeitright.events.CustomerTier;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.NotificationChannel;
import com.makeitright.events.NotificationKind;
import com.makeitright.events.NotificationOutcome;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.Order;
import com.makeitright.events.Priority;
import com.makeitright.events.Reasoning;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.ResponseDecision;
import com.makeitright.events.RootCause;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Builders of every contract event with plausible defaults, for tests that feed a service its input
 * topics. Override what the test is about: {@code Events.acknowledged(id).setAnger(Anger.HOSTILE).build()}.
 */
public final class Events {

    private Events() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static Order order(String amount) {
        return Order.newBuilder().setId("O-" + newId().substring(0, 8)).setSku("SKU-1")
                .setAmount(Monies.of(amount, "USD")).setCompletedFraction(null).build();
    }

    public static ComplaintReceived.Builder received(String complaintId) {
        return ComplaintReceived.newBuilder()
                .setEventId(newId()).setComplaintId(complaintId).setOccurredAt(Instant.now()).setCausationId(null)
                .setRound(1)
                .setCustomer(Customer.newBuilder().setId("C-" + complaintId).setName("Dana Reyes")
                        .setEmail("dana@example.com").setPhone(null).setTier(CustomerTier.STANDARD)
                        .setCustomerSince(null).build())
                .setChannel(Channel.EMAIL).setSubject("Wrong CD shipped")
                .setDescription("I ordered the marketing CD and received somebody's music backup instead.")
                .setOrder(order("49.00")).setDesiredOutcome("Send the right CD")
                .setIdempotencyKey(null).setReopenedFrom(null);
    }

    /** The second contact about a case, merged into it for the same order. */
    public static ComplaintContactAdded.Builder contactAdded(String complaintId) {
        return ComplaintContactAdded.newBuilder()
                .setEventId(newId()).setComplaintId(complaintId).setOccurredAt(Instant.now()).setCausationId(newId())
                .setRound(1).setContactNumber(2).setMatchedBy(ContactMatch.SAME_ORDER).setCustomerId("C-" + complaintId)
                .setChannel(Channel.PHONE).setSubject("Still no CD")
                .setDescription("I wrote last week about the wrong CD and nobody answered.")
                .setOrderId("O-1").setExternalSystem(null).setExternalTicketId(null).setIdempotencyKey(null);
    }

    public static CustomerHistory.Builder noHistory() {
        return CustomerHistory.newBuilder().setComplaintsLast12Months(0).setRefundsLast12Months(0)
                .setNeverArrivedLast12Months(0).setDoNotServe(false).setCustomerSince(null);
    }

    public static ComplaintAcknowledged.Builder acknowledged(String complaintId) {
        Instant now = Instant.now();
        return ComplaintAcknowledged.newBuilder()
                .setEventId(newId()).setComplaintId(complaintId).setOccurredAt(now).setCausationId(newId())
                .setRound(1).setCustomerId("C-" + complaintId).setTier(CustomerTier.STANDARD)
                .setChannel(Channel.EMAIL).setSubject("Wrong CD shipped")
                .setDescription("I ordered the marketing CD and received somebody's music backup instead.")
                .setOrder(order("49.00")).setDesiredOutcome("Send the right CD")
                .setCause(Cause.OUR_ERROR).setCauseConfidence(0.9)
                .setAnger(Anger.UPSET).setAngerConfidence(0.8)
                .setSignals(List.of()).setPriority(Priority.P3_NORMAL).setAcknowledgeBy(now.plus(Duration.ofHours(8)))
                .setHandlingAdvice(List.of())
                .setAcknowledgementText("We sent you the wrong CD. That was our mistake, and we are sorry.")
                .setReviewNeeded(false).setReviewReasons(List.of())
                .setSuspectedRootCause(RootCause.PACKING_ERROR)
                .setCustomerHistory(noHistory().build())
                .setReopenedFrom(null);
    }

    /** An agent's approval of the acknowledgement {@code acknowledged} drafted, its text as drafted. */
    public static AcknowledgementApproved.Builder acknowledgementApproved(ComplaintAcknowledged acknowledged) {
        return AcknowledgementApproved.newBuilder()
                .setEventId(newId()).setComplaintId(acknowledged.getComplaintId()).setOccurredAt(Instant.now())
                .setCausationId(acknowledged.getEventId()).setRound(acknowledged.getRound())
                .setApprovedBy("agent.ann").setText(acknowledged.getAcknowledgementText()).setEdited(false);
    }

    public static RemedyOffered.Builder offered(String complaintId) {
        Instant now = Instant.now();
        return RemedyOffered.newBuilder()
                .setEventId(newId()).setComplaintId(complaintId).setOccurredAt(now).setCausationId(newId())
                .setRound(1).setOfferId(newId()).setNegotiationRound(1).setStatus(OfferStatus.OPEN)
                .setKind(RemedyKind.REPLACEMENT).setDescription("We send the right CD at no cost.")
                .setAmount(null).setGoodwill(null).setEstimatedCost(Monies.of("20.00", "USD"))
                .setOpenQuestion(null).setExpiresAt(now.plus(Duration.ofDays(7)))
                .setDeliverBy(now.plus(Duration.ofDays(5)))
                .setApprovalRequired(false).setAuthorityLevel(AuthorityLevel.AGENT)
                .setApprovalDueBy(null).setApprovedBy(null).setCounterOfEventId(null)
                .setReasoning(Reasoning.newBuilder().setRemedyCost(Monies.of("20.00", "USD"))
                        .setCostOfInaction(Monies.of("150.00", "USD")).setFactors(List.of())
                        .setSummary("Our error: reverse it.").build());
    }

    public static RemedyResponded.Builder responded(String complaintId, String offerId, ResponseDecision decision) {
        return RemedyResponded.newBuilder()
                .setEventId(newId()).setComplaintId(complaintId).setOccurredAt(Instant.now()).setCausationId(newId())
                .setRound(1).setOfferId(offerId).setDecision(decision).setCounterOffer(null).setNote(null);
    }

    public static RemedyApprovalDecided.Builder approvalDecided(String complaintId, String offerId,
                                                                ApprovalDecision decision) {
        return RemedyApprovalDecided.newBuilder()
                .setEventId(newId()).setComplaintId(complaintId).setOccurredAt(Instant.now()).setCausationId(newId())
                .setRound(1).setOfferId(offerId).setDecision(decision).setApprover("sam.supervisor").setNote(null);
    }

    public static RemedyFulfilled.Builder fulfilled(String complaintId, String offerId, RemedyKind kind) {
        return RemedyFulfilled.newBuilder()
                .setEventId(newId()).setComplaintId(complaintId).setOccurredAt(Instant.now()).setCausationId(newId())
                .setRound(1).setOfferId(offerId).setKind(kind).setReference("SHIP-123").setFulfilledBy("agent.ann")
                .setActualCost(null).setInspectionResult(null).setRootCause(null).setNote(null);
    }

    public static ComplaintResolved.Builder resolved(String complaintId) {
        return ComplaintResolved.newBuilder()
                .setEventId(newId()).setComplaintId(complaintId).setOccurredAt(Instant.now()).setCausationId(newId())
                .setRound(1).setCustomerId("C-" + complaintId).setOutcome(ResolutionOutcome.REMEDY_DELIVERED)
                .setRemedy(null).setCost(Monies.of("20.00", "USD")).setCostLines(List.of())
                .setCause(Cause.OUR_ERROR).setAnger(Anger.UPSET).setChannel(Channel.EMAIL)
                .setRootCause(RootCause.PACKING_ERROR).setNegotiationRounds(1).setDoNotServe(false);
    }

    public static FollowUpDue.Builder followUpDue(String complaintId, FollowUpKind kind) {
        Instant now = Instant.now();
        return FollowUpDue.newBuilder()
                .setEventId(newId()).setComplaintId(complaintId).setOccurredAt(now).setCausationId(newId())
                .setRound(1).setKind(kind).setDueAt(now)
                .setContact(Contact.newBuilder().setName("Dana Reyes").setEmail("dana@example.com").setPhone(null)
                        .setPreferredChannel(Channel.EMAIL).build())
                .setReason("Check that the customer is satisfied.").setOfferId(null);
    }

    /** The worker's record of a message of {@code kind} it sent by e-mail in round 1. */
    public static CustomerNotified.Builder customerNotified(String complaintId, NotificationKind kind) {
        return CustomerNotified.newBuilder()
                .setEventId(newId()).setComplaintId(complaintId).setOccurredAt(Instant.now()).setCausationId(newId())
                .setRound(1).setKind(kind).setChannel(NotificationChannel.EMAIL).setOutcome(NotificationOutcome.SENT)
                .setOfferId(null).setReason(null);
    }

    public static FollowUpCompleted.Builder followUpCompleted(String complaintId, boolean satisfied) {
        return FollowUpCompleted.newBuilder()
                .setEventId(newId()).setComplaintId(complaintId).setOccurredAt(Instant.now()).setCausationId(newId())
                .setRound(1).setSatisfied(satisfied).setScore(satisfied ? 5 : 2).setComment(null)
                .setReopened(!satisfied);
    }
}
