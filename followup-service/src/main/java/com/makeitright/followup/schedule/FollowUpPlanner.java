package com.makeitright.followup.schedule;

import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.CustomerNotified;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.events.NotificationKind;
import com.makeitright.events.NotificationOutcome;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResponseDecision;
import org.apache.avro.specific.SpecificRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides, for each event of a complaint, which checks to schedule, cancel, clear or mark answered, and what
 * followup must remember of the complaint. Pure: the same file and event always give the same plan, so a
 * redelivered event changes nothing (every check has a stable key, and a known key is never scheduled again).
 */
final class FollowUpPlanner {

    private final Duration satisfactionDelay;
    private final Duration promiseGrace;
    private final Duration offerReminder;
    private final Duration satisfactionWindow;

    FollowUpPlanner(Duration satisfactionDelay, Duration promiseGrace, Duration offerReminder,
                    Duration satisfactionWindow) {
        this.satisfactionDelay = satisfactionDelay;
        this.promiseGrace = promiseGrace;
        this.offerReminder = offerReminder;
        this.satisfactionWindow = satisfactionWindow;
    }

    /** The complaint file after the event and the changes to its checks. */
    record Plan(ComplaintFile file, List<FollowUpChange> changes) {
        static Plan remember(ComplaintFile file) {
            return new Plan(file, List.of());
        }
    }

    Plan plan(ComplaintFile current, String complaintId, SpecificRecord event) {
        ComplaintFile file = current == null ? ComplaintFile.empty(complaintId) : current;
        if (event instanceof ComplaintReceived received) {
            return onReceived(file, received);
        } else if (event instanceof ComplaintAcknowledged acknowledged) {
            return onAcknowledged(file, acknowledged);
        } else if (event instanceof CustomerNotified notified) {
            return onNotified(file, notified);
        } else if (event instanceof RemedyOffered offered) {
            return onOffered(file, offered);
        } else if (event instanceof RemedyResponded responded) {
            return onResponded(file, responded);
        } else if (event instanceof RemedyApprovalDecided decided) {
            return new Plan(file, List.of(new FollowUpChange.Close(
                    FollowUpKey.approval(complaintId, decided.getOfferId()), decided.getRound(),
                    new FollowUp.Closing(decided.getEventId(), decided.getOccurredAt(),
                            "approval decided: " + words(decided.getDecision()) + " by " + decided.getApprover()))));
        } else if (event instanceof RemedyFulfilled fulfilled) {
            return new Plan(file, List.of(new FollowUpChange.Close(
                    FollowUpKey.promise(complaintId, fulfilled.getOfferId()), fulfilled.getRound(),
                    new FollowUp.Closing(fulfilled.getEventId(), fulfilled.getOccurredAt(),
                            "remedy delivered (reference " + fulfilled.getReference() + ")"))));
        } else if (event instanceof ComplaintResolved resolved) {
            return onResolved(file, resolved);
        } else if (event instanceof FollowUpCompleted completed) {
            return new Plan(file, List.of(new FollowUpChange.Answer(
                    FollowUpKey.satisfaction(complaintId, completed.getRound()), completed.getRound(),
                    new SatisfactionAnswer(completed.getSatisfied(), completed.getScore(), completed.getComment(),
                            completed.getReopened(), completed.getOccurredAt(), completed.getEventId())),
                    new FollowUpChange.Close(FollowUpKey.noAnswer(complaintId, completed.getRound()),
                            completed.getRound(), new FollowUp.Closing(completed.getEventId(),
                            completed.getOccurredAt(), "answered by the customer"))));
        }
        throw new IllegalArgumentException("followup does not consume " + event.getClass().getSimpleName());
    }

    private static byte[] bytes(java.nio.ByteBuffer sealed) {
        if (sealed == null) {
            return null;
        }
        byte[] bytes = new byte[sealed.remaining()];
        sealed.duplicate().get(bytes);
        return bytes;
    }

    /**
     * What a check that just fired changes in the schedule: a {@code SATISFACTION_NO_ANSWER} closes its round's
     * satisfaction check as no answer. The {@code FollowUpDue} itself is the fact that closes it for every reader
     * (intake's view refuses a later answer), so no other event is needed and each topic keeps its single writer.
     */
    List<FollowUpChange> afterFiring(FollowUp fired) {
        if (fired.kind() != com.makeitright.events.FollowUpKind.SATISFACTION_NO_ANSWER) {
            return List.of();
        }
        return List.of(new FollowUpChange.NoAnswer(FollowUpKey.satisfaction(fired.complaintId(), fired.round()),
                new FollowUp.Closing(fired.dueEventId(), fired.firedAt(), "no answer by " + Times.format(fired.dueAt()))));
    }

    private Plan onReceived(ComplaintFile file, ComplaintReceived received) {
        var customer = received.getCustomer();
        if (received.getRound() < file.round() && file.contact() != null) {
            return Plan.remember(file); // a late copy of an earlier round: keep the newer contact details
        }
        return Plan.remember(file.withContact(customer.getId(),
                new CustomerContact(customer.getName(), customer.getEmail(), customer.getPhone(),
                        received.getChannel(), bytes(customer.getSealed())),
                received.getRound()));
    }

    /**
     * Triage's view, and a check that the round's acknowledgement reached the customer by {@code acknowledgeBy}
     * (held for review, no address, refused: a person must step in). Its key is the round, so a copy schedules
     * nothing, and a send recorded before this event (cross-topic order) already closed it.
     */
    private Plan onAcknowledged(ComplaintFile file, ComplaintAcknowledged acknowledged) {
        ComplaintFile next = file.withTriage(acknowledged.getRound(), acknowledged.getCustomerId(),
                acknowledged.getCause(), acknowledged.getAnger(), acknowledged.getSuspectedRootCause());
        if (file.isResolved(acknowledged.getRound())) {
            return Plan.remember(next);
        }
        String reason = "The acknowledgement of round " + acknowledged.getRound() + " was due to reach the customer by "
                + Times.format(acknowledged.getAcknowledgeBy()) + " and has not been sent"
                + (acknowledged.getReviewNeeded() ? " (it waits for an agent's review)" : "")
                + ". Approve it, or contact the customer yourself now.";
        return new Plan(next, List.of(new FollowUpChange.Schedule(FollowUp.scheduled(
                FollowUpKey.acknowledgement(file.complaintId(), acknowledged.getRound()), acknowledged.getRound(),
                null, acknowledged.getAcknowledgeBy(), acknowledged.getEventId(), reason))));
    }

    /**
     * An acknowledgement the server took closes the round's check: cancelled in time, cleared when late. One that
     * overtook its {@code ComplaintAcknowledged} is remembered as a closed check, which the schedule then ignores.
     * A refusal closes nothing (nobody was reached), nor does any other message.
     */
    private Plan onNotified(ComplaintFile file, CustomerNotified notified) {
        if (notified.getKind() != NotificationKind.ACKNOWLEDGEMENT || notified.getOutcome() != NotificationOutcome.SENT) {
            return Plan.remember(file);
        }
        return new Plan(file, List.of(new FollowUpChange.Close(
                FollowUpKey.acknowledgement(file.complaintId(), notified.getRound()), notified.getRound(),
                new FollowUp.Closing(notified.getEventId(), notified.getOccurredAt(),
                        "acknowledgement sent by " + words(notified.getChannel())))));
    }

    private Plan onOffered(ComplaintFile file, RemedyOffered offered) {
        OfferTerms before = file.offers().get(offered.getOfferId());
        OfferTerms terms = new OfferTerms(offered.getOfferId(), offered.getRound(), offered.getEventId(),
                offered.getStatus(), offered.getKind(), offered.getDescription(), offered.getOccurredAt(),
                offered.getDeliverBy(), offered.getApprovalDueBy(), offered.getAuthorityLevel(),
                before == null ? null : before.acceptedBy());
        List<FollowUpChange> changes = new ArrayList<>();
        boolean newest = true;
        boolean renewal = false;
        for (OfferTerms older : file.offers().values()) {
            if (!older.isKnown() || older.offerId().equals(terms.offerId())) {
                continue;
            }
            // Remedy renews an expired OPEN offer once, caused by that offer: its customer was reminded already.
            renewal |= older.status() == OfferStatus.OPEN && older.eventId().equals(offered.getCausationId());
            if (older.offeredAt().isAfter(offered.getOccurredAt())) {
                newest = false; // this offer arrives after the one that superseded it (cross-topic order)
                continue;
            }
            FollowUp.Closing superseded = new FollowUp.Closing(offered.getEventId(), offered.getOccurredAt(),
                    "superseded by a newer offer");
            if (older.awaitsApproval()) {
                changes.add(new FollowUpChange.Close(FollowUpKey.approval(file.complaintId(), older.offerId()),
                        older.round(), superseded));
            }
            if (older.status() == OfferStatus.OPEN) {
                changes.add(new FollowUpChange.CloseKnown(
                        FollowUpKey.offerReminder(file.complaintId(), older.offerId()), superseded));
            }
        }
        if (!file.isResolved(terms.round())) {
            Instant remindAt = offered.getOccurredAt().plus(offerReminder);
            if (newest && !renewal && terms.status() == OfferStatus.OPEN && terms.acceptedBy() == null
                    && offered.getExpiresAt() != null && remindAt.isBefore(offered.getExpiresAt())) {
                changes.add(new FollowUpChange.Schedule(reminder(file, terms, offered, remindAt)));
            }
            if (terms.awaitsApproval() && terms.approvalDueBy() != null) {
                changes.add(new FollowUpChange.Schedule(approvalCheck(file, terms, offered.getEventId())));
            }
            if (terms.isAgreed()) {
                String causation = terms.acceptedBy() != null ? terms.acceptedBy() : offered.getEventId();
                changes.add(new FollowUpChange.Schedule(promiseCheck(file, terms, causation)));
            }
        }
        return new Plan(file.withOffer(terms), changes);
    }

    /** Any answer calls off the offer's reminder (remembered when it overtook the offer, so none is scheduled). */
    private Plan onResponded(ComplaintFile file, RemedyResponded responded) {
        Plan plan = onAccepted(file, responded);
        List<FollowUpChange> changes = new ArrayList<>(plan.changes());
        changes.add(new FollowUpChange.Close(FollowUpKey.offerReminder(file.complaintId(), responded.getOfferId()),
                responded.getRound(), new FollowUp.Closing(responded.getEventId(), responded.getOccurredAt(),
                "answered by the customer: " + words(responded.getDecision()))));
        return new Plan(plan.file(), changes);
    }

    private Plan onAccepted(ComplaintFile file, RemedyResponded responded) {
        if (responded.getDecision() != ResponseDecision.ACCEPT) {
            return Plan.remember(file); // a decline or counter is answered by a newer offer, which is watched
        }
        OfferTerms terms = file.offers().get(responded.getOfferId());
        if (terms == null) {
            // The acceptance overtook its offer: remember it, and watch the promise once the offer is seen.
            return Plan.remember(file.withOffer(
                    OfferTerms.acceptedBeforeSeen(responded.getOfferId(), responded.getRound(), responded.getEventId())));
        }
        if (terms.acceptedBy() != null) {
            return Plan.remember(file);
        }
        OfferTerms accepted = terms.acceptedBy(responded.getEventId());
        List<FollowUpChange> changes = new ArrayList<>();
        if (accepted.isKnown() && !file.isResolved(accepted.round())) {
            changes.add(new FollowUpChange.Schedule(promiseCheck(file, accepted, responded.getEventId())));
        }
        return new Plan(file.withOffer(accepted), changes);
    }

    private Plan onResolved(ComplaintFile file, ComplaintResolved resolved) {
        String complaintId = file.complaintId();
        Resolution resolution = new Resolution(resolved.getRound(), resolved.getOutcome(), resolved.getCause(),
                resolved.getAnger(), resolved.getRootCause(), resolved.getOccurredAt(), resolved.getDoNotServe());
        List<FollowUpChange> changes = new ArrayList<>();
        changes.add(new FollowUpChange.Schedule(FollowUp.scheduled(
                FollowUpKey.satisfaction(complaintId, resolved.getRound()), resolved.getRound(), null,
                resolved.getOccurredAt().plus(satisfactionDelay), resolved.getEventId(), satisfactionReason(resolved))));
        Instant closeAt = resolved.getOccurredAt().plus(satisfactionDelay).plus(satisfactionWindow);
        changes.add(new FollowUpChange.Schedule(FollowUp.scheduled(
                FollowUpKey.noAnswer(complaintId, resolved.getRound()), resolved.getRound(), null, closeAt,
                resolved.getEventId(), "Nobody answered the satisfaction check of round " + resolved.getRound()
                        + " by " + Times.format(closeAt) + ": it is closed as no answer.")));
        FollowUp.Closing closing = new FollowUp.Closing(resolved.getEventId(), resolved.getOccurredAt(),
                "complaint resolved: " + words(resolved.getOutcome()));
        changes.add(new FollowUpChange.CloseKnown(FollowUpKey.acknowledgement(complaintId, resolved.getRound()), closing));
        for (OfferTerms offer : file.offers().values()) {
            if (offer.round() != resolved.getRound()) {
                continue;
            }
            if (offer.isAgreed()) {
                changes.add(new FollowUpChange.Close(FollowUpKey.promise(complaintId, offer.offerId()), offer.round(), closing));
            }
            if (offer.awaitsApproval()) {
                changes.add(new FollowUpChange.Close(FollowUpKey.approval(complaintId, offer.offerId()), offer.round(), closing));
            }
            if (offer.status() == OfferStatus.OPEN) {
                changes.add(new FollowUpChange.CloseKnown(FollowUpKey.offerReminder(complaintId, offer.offerId()), closing));
            }
        }
        return new Plan(file.withResolution(resolution, resolved.getCustomerId()), changes);
    }

    private FollowUp promiseCheck(ComplaintFile file, OfferTerms terms, String causationId) {
        String reason = "We promised " + words(terms.kind()) + " (\"" + terms.description() + "\") by "
                + Times.format(terms.deliverBy()) + ", and no delivery has been reported. Deliver it now, or call the "
                + "customer with a new date before they have to chase us.";
        return FollowUp.scheduled(FollowUpKey.promise(file.complaintId(), terms.offerId()), terms.round(),
                terms.offerId(), terms.deliverBy().plus(promiseGrace), causationId, reason);
    }

    private FollowUp reminder(ComplaintFile file, OfferTerms terms, RemedyOffered offered, Instant remindAt) {
        String reason = "The customer has not answered our offer of " + words(terms.kind()) + " (\"" + terms.description()
                + "\") made " + Times.format(terms.offeredAt()) + "; it expires " + Times.format(offered.getExpiresAt())
                + ". One reminder goes out now.";
        return FollowUp.scheduled(FollowUpKey.offerReminder(file.complaintId(), terms.offerId()), terms.round(),
                terms.offerId(), remindAt, offered.getEventId(), reason);
    }

    private FollowUp approvalCheck(ComplaintFile file, OfferTerms terms, String causationId) {
        String reason = "The offer of " + words(terms.kind()) + " (\"" + terms.description() + "\") waits for a "
                + words(terms.authorityLevel()) + " decision since " + Times.format(terms.offeredAt())
                + "; it was due by " + Times.format(terms.approvalDueBy())
                + ". Approve or reject it now: the customer is waiting for an answer.";
        return FollowUp.scheduled(FollowUpKey.approval(file.complaintId(), terms.offerId()), terms.round(),
                terms.offerId(), terms.approvalDueBy(), causationId, reason);
    }

    private static String satisfactionReason(ComplaintResolved resolved) {
        String how = words(resolved.getOutcome())
                + (resolved.getRemedy() == null ? "" : ": " + words(resolved.getRemedy().getKind()));
        String when = "Resolved " + Times.format(resolved.getOccurredAt()) + " (" + how + "). ";
        if (resolved.getDoNotServe()) {
            return when + "We no longer serve this customer: confirm the remedy arrived and close the case politely; "
                    + "do not offer further business.";
        }
        return when + "Ask whether it is really put right and how satisfied they are (1-5); an unhappy answer "
                + "reopens the case.";
    }

    /** An enum symbol in plain words: REFUND_PARTIAL becomes "refund partial". */
    static String words(Enum<?> symbol) {
        return symbol == null ? "unknown" : symbol.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
